// The scoring engine (DESIGN §4), one module per step of the method. Pure and deterministic:
// the same input gives the same output in Node, the browser and Apps Script. Data problems
// (bad reviews, odd quickwins) never throw; they become problems or are skipped. Only a
// malformed call (no criteria, bad weights, non-arrays) throws an Error.
import { resolveLocale, translator } from "../i18n";
import type { RankInput, RankResult } from "../types";
import { agreementOf } from "./agreement";
import { calibrate } from "./calibration";
import { countReviews } from "./counted";
import { checkCall, mergeSettings } from "./input";
import { quickwinMeans } from "./means";
import { orderQuickwins } from "./order";
import { buildRows } from "./rows";
import { agencyIndex, walkShortlist } from "./shortlist";
import { bootstrap } from "./uncertainty";

export { mergeSettings } from "./input";
export { TIE_EPSILON } from "./tie-chain";
export { drawResample, orderByScore, replayPicks } from "./uncertainty";

/**
 * Ranks quickwins by the method of DESIGN §4. See README "Scoring method" for the rules in
 * words. Throws only on a malformed call.
 */
export function rankQuickwins(input: RankInput): RankResult {
  const rubric = checkCall(input);
  const settings = mergeSettings(input.settings);
  const t = translator(resolveLocale(typeof input.locale === "string" ? input.locale : undefined));
  // 1–2. Counted reviews and their review scores R.
  const counted = countReviews(input, rubric, t);
  // 3. Calibration R′.
  const calibrated = calibrate(counted, settings, t);
  // 4. Score, raw score and sd per quickwin.
  const means = quickwinMeans(counted, calibrated.Rp);
  // 5–6. Ranked quickwins in order, ties broken.
  const ranking = orderQuickwins(counted, means, rubric, settings);
  // 7. Shortlist.
  const { agencyOf, agencies } = agencyIndex(counted.qInfo);
  const shortlisted = new Uint8Array(counted.nQ);
  const shortlist: string[] = [];
  walkShortlist(
    ranking.rankedQ,
    ranking.rankedQ.length,
    agencyOf,
    settings.shortlistSize,
    settings.maxPerAgency,
    new Int32Array(agencies + 1),
    (q) => {
      shortlisted[q] = 1;
      shortlist.push(counted.ids[q]!);
    },
  );
  // 8. Uncertainty: rank ranges and pShortlist.
  const uncertainty =
    settings.bootstrapResamples > 0 && ranking.rankedQ.length > 0
      ? bootstrap({
          rankedQ: ranking.rankedQ,
          qStart: counted.qStart,
          qCount: counted.qCount,
          Rp: calibrated.Rp,
          crit: counted.crit,
          nCrit: rubric.crits.length,
          tieOrder: rubric.tieOrder,
          ranges: rubric.crits.map((c) => c.range),
          budgetKey: ranking.budgetKey,
          agencyOf,
          agencies,
          resamples: settings.bootstrapResamples,
          seed: settings.seed,
          shortlistSize: settings.shortlistSize,
          maxPerAgency: settings.maxPerAgency,
        })
      : null;
  // 11. Agreement.
  const agreement = agreementOf(counted);
  // 9, 10, 12 and the rows.
  const rows = buildRows({ counted, means, ranking, shortlisted, uncertainty, settings });
  return {
    rows,
    shortlist,
    agreement,
    problems: [...counted.problems, ...calibrated.problems],
    normalizationUsed: calibrated.normalizationUsed,
  };
}
