// Step 11 of DESIGN §4: Krippendorff's alpha (interval) over counted R; units are quickwins with
// at least two counted reviews, coders are reviewers.
import { krippendorffAlphaInterval } from "../stats";
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
