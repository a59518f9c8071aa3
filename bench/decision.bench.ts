// Decision quality (DESIGN §4a): on synthetic panels (bench/decision/sim.ts) the default
// settings against the explicit calibrations and an oracle that knows every reviewer's true
// leniency and range. Per scenario: shortlist overlap with the true best N, Brier score of
// pShortlist, share of wrong calls flagged uncertain-shortlist, share of rows flagged; and
// whether the default meets the targets. RUNS (default 400) sets the panels per scenario;
// SCENARIOS=a,b keeps the scenarios whose name contains one of them; QUICK=1 runs only the
// default and the oracle (what the targets compare); PRECISE=1 prints shares to 0.1 point.
import {
  EXTRA_SCENARIOS,
  type Figures,
  MODES,
  type Mode,
  meetsTargets,
  type Scenario,
  SHARED_SCENARIOS,
  simulate,
} from "./decision/sim";

const pct = (x: number) => `${(100 * x).toFixed(process.env.PRECISE ? 1 : 0)} %`;
const cell = (f: Figures) =>
  `${pct(f.overlap)} · ${f.brier.toFixed(process.env.PRECISE ? 4 : 3)} · ${pct(f.wrongFlagged)} · ${pct(f.flagRate)}`;

function table(title: string, all: Scenario[], runs: number, modes: readonly Mode[]): boolean {
  const only = process.env.SCENARIOS ? process.env.SCENARIOS.split(",") : null;
  const scenarios = only ? all.filter((s) => only.some((o) => s.name.includes(o))) : all;
  if (scenarios.length === 0) return true;
  console.log(
    `\n${title} (${runs} panels each; overlap · Brier · wrong calls flagged · rows flagged)`,
  );
  console.log(`| scenario | ${modes.join(" | ")} | targets |`);
  console.log(`|---|${modes.map(() => "---").join("|")}|---|`);
  let met = true;
  for (const s of scenarios) {
    const f = simulate(s, runs, undefined, modes);
    const verdict = meetsTargets(f.default, f.oracle);
    met &&= verdict.ok;
    const cells = modes.map((m) => cell(f[m]));
    console.log(
      `| ${s.name} | ${cells.join(" | ")} | ${verdict.ok ? "met" : `missed: ${verdict.misses.join(", ")}`} |`,
    );
  }
  return met;
}

export function run(): void {
  const runs = Number(process.env.RUNS ?? 400);
  const modes: readonly Mode[] = process.env.QUICK ? ["default", "oracle"] : MODES;
  const shared = table("Shared scenarios", SHARED_SCENARIOS, runs, modes);
  const extra = table("Other scenarios", EXTRA_SCENARIOS, runs, modes);
  console.log(
    `\ntargets met: shared ${shared ? "all" : "NOT all"}, others ${extra ? "all" : "NOT all"}`,
  );
}
