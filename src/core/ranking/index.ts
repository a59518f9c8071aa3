// The scoring engine (DESIGN §4), one module per step of the method. Pure and deterministic:
// the same input gives the same output in Node, the browser and Apps Script. Data problems
// (bad reviews, odd quickwins) never throw; they become problems or are skipped. Only a
// malformed call (no criteria, bad weights, non-arrays) throws an Error.
import { resolveLocale, translator } from "../i18n";
import type { RankInput, RankResult } from "../types";
import { agreementOf, agreementReading } from "./agreement";
import { calibrate } from "./calibration";
import { countReviews } from "./counted";
import { fitRandomEffects } from "./fit";
import { checkCall, mergeSettings } from "./input";
import { quickwinMeans } from "./means";
import { orderQuickwins, tieKeysOf } from "./order";
import { buildRows } from "./rows";
import { agencyIndex, walkShortlist } from "./shortlist";
import { posteriorDraws } from "./uncertainty";

export { agreementReading } from "./agreement";
export { mergeSettings } from "./input";
export { RandomStream } from "./random";
export { TIE_EPSILON } from "./tie-chain";
export { orderByScore, PSHORTLIST_MC_ERROR } from "./uncertainty";

/**
 * Ranks quickwins by the method of DESIGN §4 (docs/method.md). Throws only on a malformed call.
 */
export function rankQuickwins(input: RankInput): RankResult {
  const rubric = checkCall(input);
  const settings = mergeSettings(input.settings);
  const t = translator(resolveLocale(typeof input.locale === "string" ? input.locale : undefined));
  // 1–2. Counted reviews and their review scores R.
  const counted = countReviews(input, rubric, t);
  // The panel's random-effects model: auto's calibration and every mode's uncertainty.
  const needed = settings.normalization === "auto" || settings.bootstrapResamples > 0;
  const fit = needed ? fitRandomEffects(counted, settings.minReviewsForCalibration) : null;
  // 3. Calibration R′.
  const calibrated = calibrate(counted, settings, fit, t);
  // 4. Score, raw score and sd per quickwin.
  const means = quickwinMeans(counted, calibrated.Rp, calibrated.weight);
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
  // 8. Uncertainty: rank ranges and pShortlist from the model's posterior.
  const uncertainty =
    fit && settings.bootstrapResamples > 0 && ranking.rankedQ.length > 0
      ? posteriorDraws({
          rankedQ: ranking.rankedQ,
          counted,
          fit,
          tieKeys: tieKeysOf(counted, rubric, ranking.budgetKey, ranking.rankedQ),
          agencyOf,
          agencies,
          minDraws: settings.bootstrapResamples,
          seed: settings.seed,
          shortlistSize: settings.shortlistSize,
          maxPerAgency: settings.maxPerAgency,
        })
      : null;
  // 11. Agreement.
  const agreement = agreementOf(counted);
  // 9, 10, 12, 13 and the rows.
  const rows = buildRows({ counted, rubric, means, ranking, shortlisted, uncertainty, settings });
  return {
    rows,
    shortlist,
    agreement,
    problems: [...counted.problems, ...calibrated.problems],
    normalizationUsed: calibrated.normalizationUsed,
    calibration: calibrated.calibration,
    agreementReading: agreementReading(agreement),
  };
}
export { agreementWords, calibrationWords } from "./words";
