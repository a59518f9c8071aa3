import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  csvFileName,
  formatDate,
  formatDateShort,
  formatDateTimeWib,
  formatDecimal,
  formatInteger,
  formatPercent,
  formatRupiah,
  formatTimeWib,
  parseCount,
  parseDateInput,
  parseRupiah,
} from "../../src/core/format";
import { runs, SEED } from "../support/tier";

describe("formatRupiah", () => {
  it("writes Rupiah as Indonesians do: no space, dots for thousands, no decimals", () => {
    expect(formatRupiah(1_500_000)).toBe("Rp1.500.000");
    expect(formatRupiah(0)).toBe("Rp0");
    expect(formatRupiah(999)).toBe("Rp999");
    expect(formatRupiah(1000)).toBe("Rp1.000");
    expect(formatRupiah(12_345_678_901)).toBe("Rp12.345.678.901");
    expect(formatRupiah(-25_000)).toBe("-Rp25.000");
    expect(formatRupiah(1500.4)).toBe("Rp1.500");
    expect(formatRupiah(Number.NaN)).toBe("");
  });
});

describe("parseRupiah", () => {
  it.each([
    ["1.500.000", 1_500_000],
    ["1500000", 1_500_000],
    ["Rp 1.500.000", 1_500_000],
    ["Rp1.500.000", 1_500_000],
    ["rp. 1.500.000", 1_500_000],
    ["Rp\u00a01.500.000", 1_500_000],
    ["Rp 1.500.000,-", 1_500_000],
    ["Rp 1.500.000,00", 1_500_000],
    ["IDR 1,500,000", 1_500_000],
    ["1,500,000.00", 1_500_000],
    ["  2 500 000 ", 2_500_000],
    ["0", 0],
    ["Rp0", 0],
    ["007", 7],
    ["-Rp25.000", -25_000],
    ["Rp -25.000", -25_000],
  ])("reads %j as %d", (text, value) => {
    expect(parseRupiah(text)).toBe(value);
  });

  it.each([
    "",
    "   ",
    "Rp",
    "abc",
    "1,5",
    "12.34",
    "1.50.000",
    "1.500.00",
    "1e6",
    "=1+1",
    "1.500.000,50",
    "99999999999999999999",
    "Rp 1.500.000 juta",
  ])("refuses %j", (text) => {
    expect(parseRupiah(text)).toBeNull();
  });

  it("round-trips every safe whole amount through formatRupiah", () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        expect(parseRupiah(formatRupiah(n))).toBe(n);
        expect(parseRupiah(String(n))).toBe(n);
        expect(parseRupiah(formatInteger(n, "id"))).toBe(n);
        expect(parseRupiah(`Rp ${formatInteger(n, "id")},-`)).toBe(n);
      }),
      { numRuns: runs(167, 500), seed: SEED },
    );
  });

  it("formats what it reads the same way it would format the number", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const n = parseRupiah(text);
        if (n !== null) {
          expect(Number.isSafeInteger(n)).toBe(true);
          expect(parseRupiah(formatRupiah(n))).toBe(n);
        }
      }),
      { numRuns: runs(333, 1000), seed: SEED },
    );
  });
});

describe("parseCount", () => {
  it("reads counts with or without separators, never Rupiah", () => {
    expect(parseCount("12.500")).toBe(12_500);
    expect(parseCount("12500")).toBe(12_500);
    expect(parseCount("Rp12.500")).toBeNull();
    expect(parseCount("banyak")).toBeNull();
  });
});

describe("dates and times", () => {
  it("formats dates per docs/domain.md", () => {
    expect(formatDate("2019-09-05")).toBe("5 September 2019");
    expect(formatDate("2019-08-17", "id")).toBe("17 Agustus 2019");
    expect(formatDate("2019-05-01", "en")).toBe("1 May 2019");
    expect(formatDateShort("2019-09-05")).toBe("05/09/2019");
    expect(formatDate("not a date")).toBe("not a date");
    expect(formatDate("2019-13-01")).toBe("2019-13-01");
  });

  it("shows WIB (UTC+7) 24-hour time", () => {
    expect(formatTimeWib("2019-09-05T03:30:00Z")).toBe("10.30");
    expect(formatTimeWib("2019-09-05T03:30:00Z", "en")).toBe("10:30");
    expect(formatTimeWib("2019-09-05T17:05:00Z")).toBe("00.05");
    expect(formatDateTimeWib("2019-09-05T17:05:00Z")).toBe("6 September 2019, 00.05 WIB");
    expect(formatTimeWib("garbage")).toBe("");
  });

  it("names the CSV after the WIB day", () => {
    expect(csvFileName(Date.parse("2019-09-05T18:00:00Z"))).toBe("daftar-pendek-2019-09-06.csv");
    expect(csvFileName(Date.parse("2019-09-05T10:00:00Z"), "en")).toBe("shortlist-2019-09-05.csv");
  });
});

describe("numbers", () => {
  it("uses the locale's decimal comma", () => {
    expect(formatDecimal(78.45, 1)).toBe("78,5");
    expect(formatDecimal(78.45, 1, "en")).toBe("78.5");
    expect(formatDecimal(1234.5, 1)).toBe("1.234,5");
    expect(formatDecimal(-0.01, 1)).toBe("0,0");
    expect(formatInteger(12500)).toBe("12.500");
    expect(formatInteger(12500, "en")).toBe("12,500");
    expect(formatPercent(0.923)).toBe("92%");
    expect(formatPercent(1)).toBe("100%");
  });
});

describe("parseDateInput", () => {
  it("reads day first whatever the browser's locale, or ISO; refuses dates that do not exist", () => {
    expect(parseDateInput("5/9/2019")).toBe("2019-09-05");
    expect(parseDateInput(" 05-09-2019 ")).toBe("2019-09-05");
    expect(parseDateInput("5.9.2019")).toBe("2019-09-05");
    expect(parseDateInput("2019-09-05")).toBe("2019-09-05");
    expect(parseDateInput("29/2/2020")).toBe("2020-02-29");
    for (const bad of ["29/2/2019", "31/4/2019", "9/31/2019", "13/13/2019", "5/9/19", "", "abc"]) {
      expect(parseDateInput(bad)).toBeNull();
    }
  });

  it("round-trips every real date through its dd/mm/yyyy form", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01"), max: new Date("2999-12-31"), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          expect(parseDateInput(formatDateShort(iso))).toBe(iso);
          expect(parseDateInput(iso)).toBe(iso);
        },
      ),
    );
  });
});
