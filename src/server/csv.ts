// The shortlist CSV is built by src/core/csv.ts (the sidebar rebuilds it in the chosen style).
export { csvCell, toCsv } from "../core/csv";
