// Reading a form's cells as a person means them, and guessing which column is which.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dictionaries } from "../../src/core/i18n";
import {
  guessMapping,
  parseBudgetCell,
  parseCountCell,
  parseTypedDate,
  vocabularyValue,
} from "../../src/core/import";
import { DIMENSIONS, STAGES } from "../../src/core/schemas";

describe("guessMapping", () => {
  it("reads an Indonesian Google Forms response sheet", () => {
    expect(
      guessMapping([
        "Stempel waktu",
        "Alamat email",
        "Nama OPD",
        "Nama Quickwin",
        "Dimensi Smart City",
        "Deskripsi singkat",
        "Tanggal mulai",
        "Tanggal selesai",
        "Anggaran (Rp)",
        "Jumlah penerima manfaat",
        "Tahapan",
        "Tautan bukti",
      ]),
    ).toEqual({
      timestamp: 0,
      name: 3,
      agency: 2,
      dimension: 4,
      description: 5,
      startDate: 6,
      endDate: 7,
      budget: 8,
      beneficiaries: 9,
      stage: 10,
      evidenceUrl: 11,
    });
  });

  it("reads English headers, and leaves unknown fields unmapped", () => {
    expect(
      guessMapping(["Timestamp", "Quickwin name", "Agency", "Budget", "Start date", "End date"]),
    ).toEqual({
      timestamp: 0,
      name: 1,
      agency: 2,
      dimension: null,
      description: null,
      startDate: 4,
      endDate: 5,
      budget: 3,
      beneficiaries: null,
      stage: null,
      evidenceUrl: null,
    });
  });

  it("never maps two fields to one column", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("Nama", "OPD", "Mulai", "Selesai", "Anggaran", "x", "", "Link"), {
          maxLength: 12,
        }),
        (headers) => {
          const used = Object.values(guessMapping(headers)).filter((v) => v !== null);
          expect(new Set(used).size).toBe(used.length);
        },
      ),
    );
  });
});

describe("cells as typed", () => {
  it("reads dates the Indonesian way", () => {
    expect(parseTypedDate("5/9/2019")).toBe("2019-09-05");
    expect(parseTypedDate("05-09-2019")).toBe("2019-09-05");
    expect(parseTypedDate("5 September 2019")).toBe("2019-09-05");
    expect(parseTypedDate("5 Sept 2019")).toBe("2019-09-05");
    expect(parseTypedDate("Kamis, 5 September 2019")).toBe("2019-09-05");
    expect(parseTypedDate("17 Agustus 2019")).toBe("2019-08-17");
    expect(parseTypedDate("1 Okt 2019")).toBe("2019-10-01");
    expect(parseTypedDate("2019-09-05")).toBe("2019-09-05");
    expect(parseTypedDate("September 5, 2019")).toBe("2019-09-05");
    expect(parseTypedDate("31/9/2019")).toBeNull();
    expect(parseTypedDate("besok")).toBeNull();
    expect(parseTypedDate("5 Mei 2019")).toBe("2019-05-05");
  });

  it("reads Rupiah and counts", () => {
    expect(parseBudgetCell("Rp 1.500.000")).toBe(1_500_000);
    expect(parseBudgetCell("Rp1.500.000,-")).toBe(1_500_000);
    expect(parseBudgetCell(2_500_000)).toBe(2_500_000);
    expect(parseBudgetCell("")).toBeUndefined();
    expect(parseBudgetCell("murah")).toBeNull();
    expect(parseCountCell("1.200 orang")).toBe(1200);
    expect(parseCountCell("banyak")).toBeNull();
  });

  it("reads a dimension or a stage from any of its labels", () => {
    const dicts = [dictionaries.id, dictionaries.en] as unknown as Record<string, string>[];
    const dim = (s: string) =>
      vocabularyValue(s, DIMENSIONS, dicts, ["dimension", "dimensionShort"]);
    expect(dim("Smart Economy — Perekonomian cerdas")).toBe("economy");
    expect(dim("Smart Economy")).toBe("economy");
    expect(dim("economy")).toBe("economy");
    expect(dim("Ekonomi")).toBe("Ekonomi");
    expect(vocabularyValue("Uji coba", STAGES, dicts, ["stage"])).toBe("pilot");
  });
});
