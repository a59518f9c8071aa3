import { describe, expect, it } from "vitest";
import {
  dateInWords,
  numberWordsEn,
  numberWordsId,
  ordinalWordsEn,
  weekday,
} from "../../src/core/words";

describe("numbers and dates in words", () => {
  it("says Indonesian numbers as minutes write them", () => {
    const cases: [number, string][] = [
      [0, "nol"],
      [1, "satu"],
      [10, "sepuluh"],
      [11, "sebelas"],
      [12, "dua belas"],
      [19, "sembilan belas"],
      [20, "dua puluh"],
      [30, "tiga puluh"],
      [31, "tiga puluh satu"],
      [100, "seratus"],
      [111, "seratus sebelas"],
      [250, "dua ratus lima puluh"],
      [1000, "seribu"],
      [1945, "seribu sembilan ratus empat puluh lima"],
      [2019, "dua ribu sembilan belas"],
      [2026, "dua ribu dua puluh enam"],
      [11000, "sebelas ribu"],
    ];
    for (const [n, words] of cases) expect(numberWordsId(n), String(n)).toBe(words);
  });

  it("says English numbers and ordinals", () => {
    expect(numberWordsEn(2026)).toBe("two thousand twenty-six");
    expect(numberWordsEn(115)).toBe("one hundred fifteen");
    expect(ordinalWordsEn(1)).toBe("first");
    expect(ordinalWordsEn(2)).toBe("second");
    expect(ordinalWordsEn(12)).toBe("twelfth");
    expect(ordinalWordsEn(20)).toBe("twentieth");
    expect(ordinalWordsEn(22)).toBe("twenty-second");
    expect(ordinalWordsEn(30)).toBe("thirtieth");
    expect(ordinalWordsEn(31)).toBe("thirty-first");
  });

  it("names the weekday of a calendar date and writes the date in words", () => {
    expect(weekday("2019-09-05", "id")).toBe("Kamis");
    expect(weekday("2026-11-30", "en")).toBe("Monday");
    expect(dateInWords("2026-11-30", "id")).toBe(
      "Senin, tanggal tiga puluh bulan November tahun dua ribu dua puluh enam (30 November 2026)",
    );
    expect(dateInWords("2019-09-05", "en")).toBe(
      "Thursday, the fifth day of September in the year two thousand nineteen (5 September 2019)",
    );
  });
});
