// The sealed ledger's verification: what a hand edit looks like to it — a typed row, an
// edited cell, a deleted row (in the middle and at the end), a copied row, a reordered pair —
// and what a change of the spreadsheet's time zone must not look like.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type SealedRow, sealRow, sequenceNumber, verifyRows } from "../../src/core/ledger";
import { runs, SEED } from "../support/tier";

const SECRET = "rahasia-uji-0123456789";
const T0 = 1_567_645_200; // 2019-09-05 01:00:00 UTC

function row(seq: number, fields: string[] = [`QW-00${seq}`, "ani@x.go.id", `{"a":${seq}}`]) {
  const time = T0 + seq * 60;
  return { seq, time, fields, seal: sealRow(SECRET, "reviews", seq, time, fields) };
}

/** Rows placed in sheet order, numbered from sheet row 2. */
function place(rows: Omit<SealedRow, "row">[]): SealedRow[] {
  return rows.map((r, i) => ({ ...r, row: i + 2 }));
}

const five = () => [1, 2, 3, 4, 5].map((n) => row(n));

describe("verifyRows", () => {
  it("an intact ledger: every row counts, no gap, its length and last seal", () => {
    const rows = place(five());
    const { check, valid } = verifyRows(SECRET, "reviews", rows, 5);
    expect(check).toEqual({
      rows: 5,
      sealed: 5,
      tampered: [],
      gaps: [],
      length: 5,
      lastSeal: rows[4]!.seal,
    });
    expect(valid.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it("a typed row (no seal, or a made-up one) is tampered and does not count", () => {
    const rows = place([
      ...five(),
      { seq: 6, time: T0, fields: ["QW-003", "b@x", "{}"], seal: "" },
    ]);
    const typed = verifyRows(SECRET, "reviews", rows, 5);
    expect(typed.check.tampered).toEqual([{ row: 7, seq: 6, reason: "seal" }]);
    expect(typed.valid).toHaveLength(5);
    const forged = place([
      ...five(),
      { ...row(6), seal: sealRow("another secret", "reviews", 6, T0 + 360, row(6).fields) },
    ]);
    expect(verifyRows(SECRET, "reviews", forged, 5).check.tampered).toEqual([
      { row: 7, seq: 6, reason: "seal" },
    ]);
  });

  it("an edited score, reviewer, seq or time breaks the seal of that row only", () => {
    const edits: ((r: SealedRow) => SealedRow)[] = [
      (r) => ({ ...r, fields: [r.fields[0]!, r.fields[1]!, '{"a":1}'] }),
      (r) => ({ ...r, fields: [r.fields[0]!, "citra@x.go.id", r.fields[2]!] }),
      (r) => ({ ...r, seq: 9 }),
      (r) => ({ ...r, time: r.time! + 37 }),
    ];
    for (const edit of edits) {
      const rows = place(five());
      rows[2] = edit(rows[2]!);
      const { check, valid } = verifyRows(SECRET, "reviews", rows, 5);
      expect(check.tampered.map((t) => [t.row, t.reason])).toEqual([[4, "seal"]]);
      expect(valid.map((r) => r.row)).not.toContain(4);
      expect(check.sealed).toBe(4);
    }
  });

  it("a deleted row is a gap; deleting the last rows is a gap too (the length is kept aside)", () => {
    const middle = place(five().filter((r) => r.seq !== 3));
    expect(verifyRows(SECRET, "reviews", middle, 5).check.gaps).toEqual([[3, 3]]);
    const end = place(five().slice(0, 3));
    const { check } = verifyRows(SECRET, "reviews", end, 5);
    expect(check.gaps).toEqual([[4, 5]]);
    expect(check.length).toBe(5);
    expect(check.tampered).toEqual([]);
  });

  it("a row copied elsewhere in the ledger is caught, and the original still counts once", () => {
    const rows = five();
    const copied = place([...rows, { ...rows[1]! }]);
    const { check, valid } = verifyRows(SECRET, "reviews", copied, 5);
    expect(check.tampered).toEqual([{ row: 7, seq: 2, reason: "copy" }]);
    expect(valid.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    // Copied over another row: that row's number is then missing.
    const over = place(five());
    over[3] = { ...over[1]!, row: 5 };
    const o = verifyRows(SECRET, "reviews", over, 5).check;
    expect(o.tampered).toEqual([{ row: 5, seq: 2, reason: "copy" }]);
    expect(o.gaps).toEqual([[4, 4]]);
  });

  it("a reordered pair is caught (one of the two is out of place)", () => {
    const rows = five();
    const swapped = place([rows[0]!, rows[1]!, rows[3]!, rows[2]!, rows[4]!]);
    const { check } = verifyRows(SECRET, "reviews", swapped, 5);
    expect(check.tampered).toHaveLength(1);
    expect(check.tampered[0]!.reason).toBe("order");
    expect([3, 4]).toContain(check.tampered[0]!.seq);
    expect(check.gaps).toEqual([]);
  });

  it("a row moved from the end to the top flags that row only", () => {
    const rows = five();
    const moved = place([rows[4]!, ...rows.slice(0, 4)]);
    expect(verifyRows(SECRET, "reviews", moved, 5).check.tampered).toEqual([
      { row: 2, seq: 5, reason: "order" },
    ]);
  });

  it("a review row cannot pass as a log row (the kind is sealed)", () => {
    const rows = place(five());
    expect(verifyRows(SECRET, "log", rows, 5).check.sealed).toBe(0);
  });

  it("accepts a zone-change shift of the time (quarter hours ≤ 26 h), not an arbitrary one", () => {
    for (const shift of [3600, -7 * 3600, 5.5 * 3600, 26 * 3600]) {
      const rows = place(five().map((r) => ({ ...r, time: r.time + shift })));
      expect(verifyRows(SECRET, "reviews", rows, 5).check.sealed, `${shift}`).toBe(5);
    }
    for (const shift of [60, 27 * 3600, 1]) {
      const rows = place(five());
      rows[0] = { ...rows[0]!, time: rows[0]!.time! + shift };
      expect(verifyRows(SECRET, "reviews", rows, 5).check.sealed, `${shift}`).toBe(4);
    }
  });

  it("property: any edit of one field of one row is caught, and only that row", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 2 }),
        fc.string({ minLength: 1 }),
        (index, field, extra) => {
          const rows = place(five());
          const target = rows[index]!;
          const fields = target.fields.slice();
          fields[field] = fields[field] + extra;
          rows[index] = { ...target, fields };
          const { check } = verifyRows(SECRET, "reviews", rows, 5);
          expect(check.tampered).toEqual([{ row: index + 2, seq: index + 1, reason: "seal" }]);
        },
      ),
      { numRuns: runs(33, 100), seed: SEED },
    );
  });
});

describe("sequenceNumber", () => {
  it("reads whole numbers ≥ 1 from numbers and digit text only", () => {
    expect(sequenceNumber(7)).toBe(7);
    expect(sequenceNumber(" 12 ")).toBe(12);
    for (const bad of [0, -1, 1.5, "", "7a", "1e3", Number.NaN, null, true, 2 ** 60]) {
      expect(sequenceNumber(bad), String(bad)).toBeNull();
    }
  });
});
