// Step 11 of DESIGN §4: Krippendorff's alpha (interval) over counted R; units are quickwins with
// at least two counted reviews, coders are reviewers. Shown with Krippendorff's own reading.
import { krippendorffAlphaInterval } from "../stats";
import type { AgreementReading } from "../types";
import type { Counted } from "./counted";

export function agreementOf(counted: Counted): number | null {
  const units: Float64Array[] = [];
  for (let q = 0; q < counted.nQ; q++) {
    if (counted.qCount[q]! >= 2) {
      units.push(counted.R.subarray(counted.qStart[q]!, counted.qStart[q + 1]!));
    }
  }
  return krippendorffAlphaInterval(units);
}

/** α ≥ 0.8 high, ≥ 0.667 moderate, below that low (Krippendorff's guidance); null stays null. */
export function agreementReading(alpha: number | null): AgreementReading | null {
  if (alpha === null || !Number.isFinite(alpha)) return null;
  return alpha >= 0.8 ? "high" : alpha >= 0.667 ? "moderate" : "low";
}
