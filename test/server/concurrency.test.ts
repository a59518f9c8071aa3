// Locking, interleaving and injected failures, with writes buffered as live Sheets may buffer
// them (seen by other executions only after flush() or the end of the writer's execution), so a
// lock released before its writes are flushed shows as a lost or duplicated update. Two submissions interleaved at EVERY service-call
// boundary of the first lose nothing; a transient failure at any call of a mutation is retried
// and the change lands whole; a hard failure at any call leaves either the old state or the
// whole change — never half of it. `npm test` checks a fixed sample of the boundaries and calls
// (the first and last always); `npm run test:full` checks every one (test/support/tier.ts).
import { describe, expect, it } from "vitest";
import { createEmulator, type WorkbookData } from "../../src/preview/emulator";
import { loadServer, type RpcResult } from "../../src/preview/script-host";
import { coverage, range, sample } from "../support/tier";
import { COORD, FORM_QUESTIONS, ok, QUICKWIN, REV_B, REV_C, sheet, world } from "./helpers";
import { inProcess } from "./in-process";

const base = world({ quickwins: 4 });
ok(base.call("submitReview", [{ quickwinId: "QW-003", scores: base.scores(2) }], REV_B));
// Few resamples keep the many ranking runs below quick; the method is the same.
ok(base.call("saveSettings", [{ bootstrapResamples: 20 }]));
// A response sheet to import: two agencies not on the list yet, and one that is.
base.rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
  const app = base.rt.emulator.globals
    .SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  app.getActiveSpreadsheet().insertSheet("Formulir");
});
base.rt.emulator.typeInto("Formulir", "A1:H4", [
  ["Stempel waktu", ...FORM_QUESTIONS],
  ...[
    ["Dinas Pariwisata", "Wisata Digital", "Smart Branding"],
    ["Dinas Perhubungan", "Halte Pintar", "Smart Living"],
    ["Bappeda", "Peta Anggaran", "Smart Economy"],
  ].map((r, i) => [`2019-09-05 1${i}:00:00`, ...r, "Usulan", "2019-09-05", "2019-10-05", "0"]),
]);
// Each run opens its own workbook from this (createEmulator copies what it is given).
const DATA: WorkbookData = base.rt.emulator.toJSON();
const scores = base.scores;

function fresh() {
  const rt = loadServer({
    emulator: createEmulator({ data: DATA, bufferedWrites: true }),
  });
  return rt;
}

/** The ledger's seals (the last column) replaced: they cover the time, which differs per run. */
function unsealed<T extends { name: string; values: unknown[][] }>(s: T): T {
  if (s.name !== "Penilaian") return s;
  return { ...s, values: s.values.map((r, i) => (i === 0 ? r : [...r.slice(0, -1), "S"])) };
}

/**
 * Values of every sheet but the log, with timestamps and seals normalized (the shortlist's
 * printed time of day too: a reference run and a later one may fall in different minutes).
 */
function data(rt: ReturnType<typeof fresh>): string {
  return JSON.stringify(
    rt.emulator
      .snapshot()
      .sheets.filter((s) => s.name !== "Log")
      .map(unsealed),
  )
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g, "T")
    .replace(/pukul \d{2}\.\d{2}/g, "pukul T");
}

function ledger(rt: ReturnType<typeof fresh>) {
  return sheet(rt, "Penilaian").values.slice(1);
}

const as = (email: string) => ({ email, locale: "id" });

describe("after a mutation released its lock, before its execution ended", () => {
  // Live Sheets may still hold its writes then; only the flush under the lock makes the next
  // caller read them. Without it, both of these lose or duplicate an update.
  const buffered = () => inProcess(createEmulator({ data: DATA, bufferedWrites: true }));

  it("two quickwins created one after the other get different ids, both kept", () => {
    const server = buffered();
    const ids = server.run(as(REV_B), (s) => {
      const first = s.saveQuickwin({ ...QUICKWIN, dimension: "economy", name: "Pertama" });
      const second = server.run(as(REV_C), (t) =>
        t.saveQuickwin({ ...QUICKWIN, dimension: "economy", name: "Kedua" }),
      );
      return [first.id, second.id];
    });
    expect(new Set(ids).size).toBe(2);
    const names = server.run(as(COORD), (s) => s.getSidebarState().quickwins.map((q) => q.name));
    expect(names).toEqual(expect.arrayContaining(["Pertama", "Kedua"]));
  });

  it("two settings changes one after the other are both kept", () => {
    const server = buffered();
    server.run(as(COORD), (s) => {
      s.saveSettings({ shortlistSize: 7 });
      server.run(as(COORD), (t) => t.saveSettings({ minReviews: 1 }));
    });
    const settings = server.run(as(COORD), (s) => s.getSidebarState().settings);
    expect(settings).toMatchObject({ shortlistSize: 7, minReviews: 1 });
  });
});

describe("as a mutation that kept its lock to the end of its execution ends", () => {
  // Google does not say whether Apps Script releases such a lock before or after the
  // execution's unflushed writes land: with the lock going first, the next caller reads stale
  // values unless the function flushed under its lock.
  const releaseFirst = () =>
    loadServer({
      emulator: createEmulator({
        data: DATA,
        bufferedWrites: true,
        executionEnd: "release-first",
      }),
    });

  it("an import and a quickwin saved right after it get different ids, all kept", () => {
    const rt = releaseFirst();
    let saved: RpcResult = { ok: false, error: { message: "no window" }, serviceCalls: 0 };
    rt.emulator.betweenReleaseAndCommit(() => {
      saved = rt.call("saveQuickwin", [{ ...QUICKWIN, name: "Sesudah impor" }], as(REV_C));
    });
    const done = ok<{ imported: { id: string }[] }>(
      rt.call("importQuickwins", [{ sheetName: "Formulir" }], as(COORD)),
    );
    rt.emulator.betweenReleaseAndCommit(null);
    const after = ok<{ id: string }>(saved);
    const ids = [...done.imported.map((r) => r.id), after.id];
    expect(new Set(ids).size).toBe(ids.length);
    const names = sheet(rt, "Quickwin").values.map((r) => String(r[1]));
    expect(names).toEqual(expect.arrayContaining(["Wisata Digital", "Sesudah impor"]));
  });

  it("an import clicked twice imports its rows once", () => {
    const rt = releaseFirst();
    let again: RpcResult = { ok: false, error: { message: "no window" }, serviceCalls: 0 };
    rt.emulator.betweenReleaseAndCommit(() => {
      again = rt.call("importQuickwins", [{ sheetName: "Formulir" }], as(COORD));
    });
    const first = ok<{ imported: unknown[] }>(
      rt.call("importQuickwins", [{ sheetName: "Formulir" }], as(COORD)),
    );
    rt.emulator.betweenReleaseAndCommit(null);
    expect(first.imported.length).toBeGreaterThan(0);
    // The second read the first's rows (flushed under its lock): all duplicates now.
    expect(ok<{ imported: unknown[] }>(again).imported).toEqual([]);
    const names = sheet(rt, "Quickwin").values.map((r) => String(r[1]));
    expect(names.filter((n) => n === "Wisata Digital")).toHaveLength(1);
  });
});

describe("interleaving two submissions", () => {
  const first = { quickwinId: "QW-002", scores: scores(4), comment: "B" };
  const second = { quickwinId: "QW-004", scores: scores(5), comment: "C" };
  const probe = fresh();
  const total = probe.call("submitReview", [first], as(REV_B)).serviceCalls;
  const boundaries = sample(range(1, total), 5);

  it(`loses nothing at ${coverage(boundaries.length, total)} call boundaries`, () => {
    expect(total).toBeGreaterThan(5);
    for (const k of boundaries) {
      const rt = fresh();
      let nested: RpcResult | null = null;
      rt.emulator.onServiceCall((info) => {
        if (info.depth === 0 && info.count === k && !nested) {
          nested = rt.call("submitReview", [second], as(REV_C));
        }
      });
      const outer = rt.call("submitReview", [first], as(REV_B));
      rt.emulator.onServiceCall(null);
      expect(nested, `boundary ${k}`).not.toBeNull();
      const inner = nested as unknown as RpcResult;
      expect(outer.ok, `boundary ${k}: ${!outer.ok && outer.error.message}`).toBe(true);
      if (!inner.ok) expect(inner.error.message).toMatch(/Sedang sibuk/);
      const rows = ledger(rt);
      const comments = rows.map((r) => r[6]);
      // The earlier review, then exactly the successful submissions, each once, none blank.
      const expected = ["", ...(inner.ok ? ["B", "C"] : ["B"])];
      expect([...comments].sort(), `boundary ${k}`).toEqual(expected.sort());
      expect(rows.every((r) => r[3] !== "" && String(r[5]).startsWith("{"))).toBe(true);
      // Numbered 1, 2, 3 in order: no number given twice, none skipped.
      expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => i + 1));
      // The log holds one row per successful mutation.
      const log = sheet(rt, "Log")
        .values.slice(1)
        .filter((r) => r[3] === "Penilaian dikirim");
      expect(log).toHaveLength(1 + (inner.ok ? 2 : 1));
    }
  }, 300_000);

  it("a burst of submissions by many reviewers loses nothing", () => {
    const rt = fresh();
    const emails = Array.from({ length: 12 }, (_, i) => `penilai${i}@patikab.go.id`);
    ok(
      rt.call(
        "saveReviewers",
        [
          [
            { email: COORD, role: "coordinator" },
            ...emails.map((email) => ({ email, role: "reviewer" })),
          ],
        ],
        as(COORD),
      ),
    );
    const results: RpcResult[] = [];
    let next = 0;
    rt.emulator.onServiceCall((info) => {
      // Every 3rd call of the running execution, another reviewer submits.
      if (info.depth === 0 && info.count % 3 === 0 && next < emails.length - 1) {
        const email = emails[++next]!;
        results.push(
          rt.call(
            "submitReview",
            [{ quickwinId: "QW-001", scores: scores(3), comment: email }],
            as(email),
          ),
        );
      }
    });
    results.push(
      rt.call(
        "submitReview",
        [{ quickwinId: "QW-001", scores: scores(3), comment: emails[0]! }],
        as(emails[0]!),
      ),
    );
    rt.emulator.onServiceCall(null);
    const landed = ledger(rt)
      .map((r) => r[6])
      .filter((c) => c !== "");
    const succeeded = results.filter((r) => r.ok).length;
    expect(landed).toHaveLength(succeeded);
    for (const r of results) if (!r.ok) expect(r.error.message).toMatch(/Sedang sibuk/);
    expect(succeeded).toBeGreaterThanOrEqual(1);
  });
});

const MUTATIONS: [string, unknown[], string][] = [
  ["submitReview", [{ quickwinId: "QW-002", scores: scores(4), comment: "=1+1" }], REV_B],
  ["saveQuickwin", [QUICKWIN], REV_B],
  ["saveQuickwin", [{ ...QUICKWIN, id: "QW-002", name: "Ubah" }], COORD],
  ["saveCriteria", [[{ id: "impact", name: "Dampak", weight: 1, min: 1, max: 5 }]], COORD],
  [
    "saveReviewers",
    [
      [
        { email: COORD, role: "coordinator" },
        { email: REV_B, role: "reviewer" },
      ],
    ],
    COORD,
  ],
  [
    // Two agency names not on the list yet: they join it in the same change, or not at all.
    "saveReviewers",
    [
      [
        { email: COORD, role: "coordinator", agency: "Dinas Pariwisata" },
        { email: REV_B, role: "reviewer", agency: "Dinas Perhubungan" },
      ],
    ],
    COORD,
  ],
  [
    "saveAgencies",
    [[{ name: "Dinas Kesehatan", shortName: "Dinkes", aliases: ["Dink\u0435s"] }]],
    COORD,
  ],
  ["saveSettings", [{ shortlistSize: 2, minReviews: 1 }], COORD],
  ["computeRanking", [], COORD],
  ["exportShortlist", [], COORD],
  ["setupSpreadsheet", [], COORD],
  // Two agencies join the list with the quickwins, or neither does.
  ["importQuickwins", [{ sheetName: "Formulir" }], COORD],
];

describe.each(MUTATIONS)("failures injected into %s", (name, args, email) => {
  const reference = fresh();
  const before = data(reference);
  const result = reference.call(name, args, as(email));
  ok(result);
  const after = data(reference);
  const calls = sample(range(1, result.serviceCalls), 3);
  const which = coverage(calls.length, result.serviceCalls);

  it(`a transient failure at any call is retried: the whole change lands (${which} calls)`, () => {
    for (const k of calls) {
      const rt = fresh();
      rt.emulator.failOnCall(k);
      const r = rt.call(name, args, as(email));
      if (r.ok) {
        expect(data(rt), `call ${k}`).toBe(after);
      } else {
        // Only a failed lock wait is not retried: then it is "busy" and nothing changed.
        expect(r.error.message, `call ${k}`).toMatch(/Sedang sibuk/);
        expect(data(rt)).toBe(before);
      }
    }
  }, 300_000);

  it(`a hard failure at any call leaves the old state or the whole change (${which} calls)`, () => {
    for (const k of calls) {
      const rt = fresh();
      rt.emulator.failOnCall(k, "Exception: Unexpected error while getting the method or property");
      const r = rt.call(name, args, as(email));
      const now = data(rt);
      if (r.ok) expect(now, `call ${k}`).toBe(after);
      else {
        expect(now, `call ${k}`).toBe(before);
        expect(r.error.message).not.toMatch(/Unexpected error|Exception/);
        expect(r.error.message).toMatch(/Terjadi kesalahan|Sedang sibuk|mengenali/);
      }
    }
  }, 300_000);
});

describe("the document lock", () => {
  it("refuses a mutation while another execution holds the lock, with a localized busy", () => {
    const rt = fresh();
    const LockService = rt.emulator.globals.LockService as GoogleAppsScript.Lock.LockService;
    let inner: RpcResult | null = null;
    let innerEn: RpcResult | null = null;
    rt.emulator.runExecution(as(COORD), () => {
      LockService.getDocumentLock().waitLock(1000);
      inner = rt.call("submitReview", [{ quickwinId: "QW-002", scores: scores(4) }], as(REV_B));
      innerEn = rt.call("saveQuickwin", [QUICKWIN], { email: REV_B, locale: "en" });
    });
    expect((inner as unknown as RpcResult).ok).toBe(false);
    expect(JSON.stringify(inner)).toMatch(/Sedang sibuk, silakan coba lagi/);
    expect(JSON.stringify(innerEn)).toMatch(/Busy right now/);
    expect(data(rt)).toBe(data(fresh()));
  });
});

describe("a first setup that fails part-way", () => {
  /**
   * The workbook with sheet ids (which differ from run to run) replaced by sheet names, times
   * normalized and the log reduced to its header (a log row is best effort: written after
   * the commit, its failure does not fail the call), so two setups can be compared.
   */
  function shape(json: WorkbookData): string {
    const names = new Map(json.sheets.map((s) => [s.id, s.name]));
    const registry = json.properties.document["quickwin.registry"];
    // The seal's secret is random: only whether it exists is compared.
    const doc = { ...json.properties.document };
    if (doc["quickwin.seal"]) doc["quickwin.seal"] = "sealed";
    if (registry) {
      const r = JSON.parse(registry) as { sheets: Record<string, { id: number; name: string }> };
      for (const entry of Object.values(r.sheets))
        (entry as { id: unknown }).id = names.get(entry.id);
      doc["quickwin.registry"] = JSON.stringify(r);
    }
    const headerOnly = (cells: WorkbookData["sheets"][number]["cells"]) => {
      const top = Math.min(...cells.map((c) => c.r));
      return cells.filter((c) => c.r === top);
    };
    const body = {
      sheets: json.sheets.map((s) => ({
        ...s,
        id: undefined,
        cells: s.name === "Log" ? headerOnly(s.cells) : s.cells,
        charts: s.charts.map((c) => ({ ...c, id: undefined })),
      })),
      protections: json.protections.map((p) => ({
        ...p,
        id: undefined,
        sheetId: names.get(p.sheetId),
      })),
      document: doc,
    };
    return JSON.stringify(body).replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g, "T");
  }

  const clean = loadServer({ emulator: createEmulator({ bufferedWrites: true }) });
  const first = clean.call("setupSpreadsheet", [], as(COORD));
  ok(first);
  const expected = shape(clean.emulator.toJSON());
  // Setup makes over a hundred calls, each cheap to replay: a larger sample.
  const calls = sample(range(1, first.serviceCalls), 8);
  const which = coverage(calls.length, first.serviceCalls);

  it(`retries a transient failure at any call: the whole setup lands (${which} calls)`, () => {
    for (const k of calls) {
      const rt = loadServer({ emulator: createEmulator({ bufferedWrites: true }) });
      const empty = shape(rt.emulator.toJSON());
      rt.emulator.failOnCall(k);
      const r = rt.call("setupSpreadsheet", [], as(COORD));
      if (r.ok) {
        expect(shape(rt.emulator.toJSON()), `call ${k}`).toBe(expected);
      } else {
        // Only a failed lock wait is not retried: then it is "busy" and nothing changed.
        expect(r.error.message, `call ${k}`).toMatch(/Sedang sibuk/);
        expect(shape(rt.emulator.toJSON()), `call ${k}`).toBe(empty);
      }
    }
  }, 300_000);

  it(`leaves nothing half-made: setting up again gives an undisturbed setup (${which} calls)`, () => {
    for (const k of calls) {
      const rt = loadServer({ emulator: createEmulator({ bufferedWrites: true }) });
      const empty = shape(rt.emulator.toJSON());
      rt.emulator.failOnCall(k, "Exception: Unexpected error while getting the method or property");
      const failed = rt.call("setupSpreadsheet", [], as(COORD));
      if (!failed.ok) {
        expect(failed.error.message, `call ${k}`).not.toMatch(/Unexpected error|Exception/);
        // Nothing, or (failing after the commit) the whole setup: never a part of it.
        expect([empty, expected], `call ${k}: left behind`).toContain(shape(rt.emulator.toJSON()));
      }
      ok(rt.call("setupSpreadsheet", [], as(COORD)));
      expect(shape(rt.emulator.toJSON()), `call ${k}: set up again`).toBe(expected);
    }
  }, 300_000);
});
