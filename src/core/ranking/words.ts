// Step 3's and step 11's results in words, the same in the sidebar and on the sheets.
import { formatDecimal } from "../format";
import type { Params } from "../i18n/format";
import type { coreId } from "../i18n/id/core";
import type { CalibrationInfo, Locale } from "../types";
import { agreementReading } from "./agreement";

/** A translator that knows at least core's words (the sidebar's and the server's both do). */
type Translate = (key: keyof typeof coreId, params?: Params) => string;

/** What calibration did and why, in one sentence (whole points and percentages only). */
export function calibrationWords(c: CalibrationInfo, t: Translate): string {
  const points = (v: number | null) => String(Math.round(v ?? 0));
  switch (c.reason) {
    case "leniency":
      return t("calibration.leniency", {
        leniency: points(c.leniencySd),
        noise: points(c.noiseSd),
        kept: Math.round(100 * (c.shrinkage ?? 0)),
      });
    case "leniency-range":
      return t("calibration.leniency-range", {
        leniency: points(c.leniencySd),
        range: Math.round(100 * (c.rangeSd ?? 0)),
        noise: points(c.noiseSd),
        kept: Math.round(100 * (c.shrinkage ?? 0)),
      });
    case "no-leniency":
      return t("calibration.no-leniency", { noise: points(c.noiseSd) });
    case "cannot-separate":
      return t("calibration.cannot-separate");
    case "graph-disconnected":
      return t("calibration.graph-disconnected");
    default:
      return t("calibration.setting", {
        method: t(
          `normalization.${c.method === "bias-shrunk" || c.method === "bias-range-shrunk" ? "auto" : c.method}`,
        ),
      });
  }
}

/** Krippendorff's alpha with its reading: "0,85 (high agreement: …)"; "" when null. */
export function agreementWords(alpha: number | null, t: Translate, locale: Locale): string {
  const reading = agreementReading(alpha);
  if (alpha === null || reading === null) return "";
  return t("agreement.reading", {
    alpha: formatDecimal(alpha, 2, locale),
    reading: t(`agreement.${reading}`),
  });
}
