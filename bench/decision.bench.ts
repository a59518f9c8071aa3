// Decision quality (DESIGN §4a): on synthetic panels (bench/decision/sim.ts) the default
// settings against the explicit calibrations and an oracle that knows every reviewer's true
// leniency and range. Per scenario: shortlist overlap with the true best N, Brier score of
// pShortlist, share of wrong calls flagged uncertain-shortlist, share of rows flagged; and
// whether the default meets the targets. RUNS (default 200) sets the panels per scenario.
import {
  EXTRA_SCENARIOS,
  type Figures,
  MODES,
  meetsTargets,
  type Scenario,
  SHARED_SCENARIOS,
  simulate,
} from "./decision/sim";

const pct = (x: number) => `${(100 * x).toFixed(0)} %`;
const cell = (f: Figures) =>
  `${pct(f.overlap)} · ${f.brier.toFixed(3)} · ${pct(f.wrongFlagged)} · ${pct(f.flagRate)}`;

function table(title: string, scenarios: Scenario[], runs: number): boolean {
  console.log(
    `\n${title} (${runs} panels each; overlap · Brier · wrong calls flagged · rows flagged)`,
  );
  console.log(`| scenario | ${MODES.join(" | ")} | targets |`);
  console.log(`|---|${MODES.map(() => "---").join("|")}|---|`);
  let all = true;
  for (const s of scenarios) {
    const f = simulate(s, runs);
    const verdict = meetsTargets(f.default, f.oracle);
    all &&= verdict.ok;
    const cells = MODES.map((m) => cell(f[m]));
    console.log(
      `| ${s.name} | ${cells.join(" | ")} | ${verdict.ok ? "met" : `missed: ${verdict.misses.join(", ")}`} |`,
    );
  }
  return all;
}

export function run(): void {
  const runs = Number(process.env.RUNS ?? 200);
  const shared = table("Shared scenarios", SHARED_SCENARIOS, runs);
  const extra = table("Other scenarios", EXTRA_SCENARIOS, runs);
  console.log(
    `\ntargets met: shared ${shared ? "all" : "NOT all"}, others ${extra ? "all" : "NOT all"}`,
  );
}
