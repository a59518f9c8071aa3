// One decimal for every score shown, Krippendorff's reading of alpha, and step 3 in words.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  agreementReading,
  agreementWords,
  calibrationWords,
  formatScore,
  rankQuickwins,
  translator,
} from "../../src/core/index";
import type { CalibrationInfo } from "../../src/core/types";
import { input, plain, row, settings } from "./helpers";

describe("formatScore", () => {
  it("shows one decimal, whole scores too, with the locale's decimal mark", () => {
    expect(formatScore(73.125, "id")).toBe("73,1");
    expect(formatScore(73.125, "en")).toBe("73.1");
    expect(formatScore(61, "id")).toBe("61,0");
    expect(formatScore(61, "en")).toBe("61.0");
    expect(formatScore(79.95, "en")).toBe("80.0");
    expect(formatScore(0, "id")).toBe("0,0");
    expect(formatScore(100, "id")).toBe("100,0");
    expect(formatScore(null)).toBe("");
    expect(formatScore(Number.NaN)).toBe("");
  });

  it("always has exactly one digit after the mark, and reads back within 0.05", () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (v) => {
        const en = formatScore(v, "en");
        expect(en).toMatch(/^-?\d+\.\d$/);
        expect(Math.abs(Number(en) - v)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(formatScore(v, "id")).toBe(en.replace(".", ","));
      }),
    );
  });
});

describe("agreement's reading", () => {
  it("follows Krippendorff: ≥ 0.8 high, ≥ 0.667 moderate, below low", () => {
    expect(agreementReading(0.95)).toBe("high");
    expect(agreementReading(0.8)).toBe("high");
    expect(agreementReading(0.79)).toBe("moderate");
    expect(agreementReading(0.667)).toBe("moderate");
    expect(agreementReading(0.666)).toBe("low");
    expect(agreementReading(0.17)).toBe("low");
    expect(agreementReading(-0.3)).toBe("low");
    expect(agreementReading(null)).toBeNull();
  });

  it("is in the result and in words in both languages", () => {
    const result = rankQuickwins(
      input({
        reviews: [
          plain("a", "r1@x.id", 90),
          plain("a", "r2@x.id", 88),
          plain("b", "r1@x.id", 20),
          plain("b", "r2@x.id", 24),
        ],
      }),
    );
    expect(result.agreementReading).toBe("high");
    expect(agreementWords(0.17, translator("id"), "id")).toBe(
      "0,17 (kesepakatan rendah: menurut Krippendorff 0,8 ke atas tinggi, 0,667 ke atas sedang)",
    );
    expect(agreementWords(0.7, translator("en"), "en")).toMatch(/^0\.70 \(moderate agreement/);
    expect(agreementWords(null, translator("en"), "en")).toBe("");
  });
});

describe("calibration in words", () => {
  const info = (patch: Partial<CalibrationInfo>): CalibrationInfo => ({
    method: "none",
    reason: "setting",
    shrinkage: null,
    leniencySd: null,
    noiseSd: null,
    rangeSd: null,
    ...patch,
  });
  it("says what was done and why, in both languages", () => {
    const lenient = info({
      method: "bias-shrunk",
      reason: "leniency",
      shrinkage: 0.834,
      leniencySd: 12.4,
      noiseSd: 9.6,
    });
    expect(calibrationWords(lenient, translator("en"))).toContain("83%");
    expect(calibrationWords(lenient, translator("en"))).toContain("spread 12 points");
    expect(calibrationWords(lenient, translator("id"))).toContain("83%");
    const ranged = info({
      method: "bias-range-shrunk",
      reason: "leniency-range",
      shrinkage: 0.7,
      leniencySd: 12.4,
      noiseSd: 9.6,
      rangeSd: 0.31,
    });
    expect(calibrationWords(ranged, translator("en"))).toMatch(/^Reviewer leniency and range/);
    expect(calibrationWords(ranged, translator("en"))).toContain("31% narrower or wider");
    expect(calibrationWords(ranged, translator("id"))).toContain(
      "31% lebih sempit atau lebih lebar",
    );
    expect(calibrationWords(ranged, translator("id"))).toContain("70%");
    expect(
      calibrationWords(info({ reason: "no-leniency", noiseSd: 9.6 }), translator("en")),
    ).toMatch(/^No calibration needed/);
    expect(calibrationWords(info({ reason: "cannot-separate" }), translator("id"))).toMatch(
      /^Tanpa kalibrasi/,
    );
    expect(calibrationWords(info({ method: "zscore" }), translator("en"))).toBe(
      "Per-reviewer z-score calibration, as chosen in the settings.",
    );
    expect(calibrationWords(info({ reason: "graph-disconnected" }), translator("en"))).toMatch(
      /connected/,
    );
  });

  it("an explicit mode says it was chosen", () => {
    const result = rankQuickwins(
      input({
        reviews: [plain("a", "r1@x.id", 50), plain("a", "r2@x.id", 60)],
        settings: settings({ normalization: "bias" }),
      }),
    );
    expect(result.calibration).toEqual({
      method: "bias",
      reason: "setting",
      shrinkage: null,
      leniencySd: null,
      noiseSd: null,
      rangeSd: null,
    });
    expect(row(result, "a").criterionMeans).toEqual({ x: 55 });
  });
});
