// Shared fixtures for the server suites: the real dist/server.js in the emulator, a panel,
// quickwins and helpers to call functions as a user.
import { sealer } from "../../src/core/ledger";
import { createEmulator, type WorkbookData } from "../../src/preview/emulator";
import { loadServer, type RpcResult, type ServerRuntime } from "../../src/preview/script-host";

export const COORD = "koordinator@patikab.go.id";
export const REV_A = "ani@patikab.go.id"; // from Dinkes
export const REV_B = "budi@patikab.go.id"; // no agency
export const REV_C = "citra@patikab.go.id"; // from Bappeda
export const STRANGER = "orang.lain@gmail.com";

export function ok<T = unknown>(r: RpcResult): T {
  if (!r.ok) throw new Error(`expected success, got: ${r.error.message}`);
  return r.value as T;
}

export function failure(r: RpcResult): string {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error.message;
}

export interface World {
  rt: ServerRuntime;
  call(name: string, args: unknown[], email?: string, locale?: string): RpcResult;
  criteria: string[];
  scores(value: number): Record<string, number>;
}

export const QUICKWIN = {
  name: "Satrio Pasar",
  agency: "Disdagperin",
  dimension: "economy",
  description: "Sistem antrean pasar",
  startDate: "2019-09-05",
  endDate: "2019-10-20",
  budget: 1_500_000,
};

/**
 * A set-up spreadsheet with a coordinator, three reviewers and `quickwins` quickwins; `now`
 * fixes the script's clock (for tests that depend on "today").
 *
 * Setting up takes ~40 ms of server calls and the suites make about a hundred worlds, so each
 * shape is set up once per worker and later worlds open a copy of its workbook (with its logs),
 * as a person would open a copy of the spreadsheet. A world with its own clock is set up afresh.
 */
export function world(
  options: { quickwins?: number; locale?: string; now?: () => number } = {},
): World {
  const locale = options.locale ?? "id";
  const quickwins = options.quickwins ?? 3;
  if (options.now) return setUpWorld(quickwins, locale, options.now);
  const key = `${quickwins}|${locale}`;
  const template = templates.get(key);
  if (!template) {
    const w = setUpWorld(quickwins, locale);
    templates.set(key, {
      data: w.rt.emulator.toJSON(),
      logs: [...w.rt.emulator.logs],
      criteria: w.criteria,
    });
    return w;
  }
  const rt = loadServer({ emulator: createEmulator({ data: template.data }) });
  rt.emulator.logs.push(...template.logs);
  return worldOf(rt, locale, template.criteria);
}

const templates = new Map<string, { data: WorkbookData; logs: string[]; criteria: string[] }>();

function setUpWorld(quickwins: number, locale: string, now?: () => number): World {
  const rt = loadServer({ emulator: createEmulator(), ...(now && { now }) });
  const call = (name: string, args: unknown[], email = COORD) =>
    rt.call(name, args, { email, locale });
  ok(call("setupSpreadsheet", []));
  ok(
    call("saveReviewers", [
      [
        { email: COORD, role: "coordinator", name: "Koordinator" },
        { email: REV_A, role: "reviewer", agency: "Dinkes" },
        { email: REV_B, role: "reviewer" },
        { email: REV_C, role: "reviewer", agency: "Bappeda" },
      ],
    ]),
  );
  if (quickwins > 0) seedQuickwins(rt, quickwins);
  const state = ok<{ criteria: { id: string }[] }>(call("getSidebarState", []));
  return worldOf(
    rt,
    locale,
    state.criteria.map((c) => c.id),
  );
}

function worldOf(rt: ServerRuntime, locale: string, criteria: string[]): World {
  return {
    rt,
    call: (name, args, email = COORD, loc = locale) => rt.call(name, args, { email, locale: loc }),
    criteria,
    scores: (value) => Object.fromEntries(criteria.map((c) => [c, value])),
  };
}

const AGENCIES = ["Disdagperin", "Dinkes", "Dislautkan", "Bappeda", "Diskominfo"];
const DIMS = ["governance", "branding", "economy", "living", "society", "environment"];

/** Quickwins typed straight into the sheet (fast for 1 000), as a person would paste them. */
export function seedQuickwins(rt: ServerRuntime, n: number): void {
  const rows: unknown[][] = [];
  for (let i = 1; i <= n; i++) {
    rows.push([
      `QW-${String(i).padStart(3, "0")}`,
      `Quickwin ${i}`,
      AGENCIES[i % AGENCIES.length],
      DIMS[i % DIMS.length],
      `Deskripsi ${i}`,
      "2019-09-01",
      "2019-10-15",
      1_000_000 + i * 1000,
      "",
      "pilot",
      "",
      COORD,
      "",
    ]);
  }
  const sheet = rt.emulator.snapshot().sheets.find((s) => s.name === "Quickwin");
  const start = (sheet?.values.length ?? 1) + 1;
  ensureRows(rt, "Quickwin", start + n - 1);
  rt.emulator.typeInto("Quickwin", `A${start}:M${start + n - 1}`, rows);
}

export function sheet(rt: ServerRuntime, name: string) {
  const s = rt.emulator.snapshot().sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** The snapshot without the log sheet (which every mutation appends to). */
export function dataSnapshot(rt: ServerRuntime) {
  return JSON.stringify(rt.emulator.snapshot().sheets.filter((s) => s.name !== "Log"));
}

/** Grows a sheet (as a person adding rows would) so typeInto can fill `rows` rows. */
export function ensureRows(rt: ServerRuntime, name: string, rows: number): void {
  const app = rt.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
    const s = app.getActiveSpreadsheet().getSheetByName(name);
    if (!s) throw new Error(`no sheet ${name}`);
    const max = s.getMaxRows();
    if (max < rows) s.insertRowsAfter(max, rows - max);
  });
}

/**
 * A world of n quickwins with two reviews each, typed into the ledger as history: the data
 * sizes at which the service-call budget test and the server bench measure every function.
 */
export function sizedWorld(n: number, settings?: Record<string, unknown>): World {
  const w = world({ quickwins: n });
  if (settings) ok(w.call("saveSettings", [settings]));
  const reviews: LedgerReview[] = [];
  for (let i = 1; i <= n; i++) {
    const id = `QW-${String(i).padStart(3, "0")}`;
    for (const email of [REV_B, REV_C]) {
      reviews.push({ quickwinId: id, reviewer: email, scores: w.scores(1 + (i % 5)) });
    }
  }
  // Sealed with the spreadsheet's own secret, as the add-on writes them.
  appendSealedReviews(w.rt, reviews);
  formResponses(w.rt, "Formulir", n);
  return w;
}

export interface LedgerReview {
  quickwinId: string;
  reviewer: string;
  scores: Record<string, number>;
  comment?: string;
  declaredConflict?: boolean;
  /** Default: 2019-09-05 01:00 UTC. */
  submittedAt?: Date;
}

const SEAL_PROPERTY = "quickwin.seal";

/** The spreadsheet's seal state (secret and counters), as the add-on keeps it. */
export function sealState(rt: ServerRuntime): { secret: string; reviews: number; log: number } {
  const props = rt.emulator.globals
    .PropertiesService as GoogleAppsScript.Properties.PropertiesService;
  return rt.emulator.runExecution({ email: COORD, locale: "id" }, () =>
    JSON.parse(props.getDocumentProperties().getProperty(SEAL_PROPERTY) ?? "null"),
  ).value;
}

function saveSealCounters(rt: ServerRuntime, state: object): void {
  const props = rt.emulator.globals
    .PropertiesService as GoogleAppsScript.Properties.PropertiesService;
  rt.emulator.runExecution({ email: COORD, locale: "id" }, () =>
    props.getDocumentProperties().setProperty(SEAL_PROPERTY, JSON.stringify(state)),
  );
}

/**
 * Appends reviews to the ledger exactly as submitReview seals them (numbers after the last
 * issued, the seal over the same cells), in one typed block — fast for thousands of rows.
 * `sealed: false` types the rows with numbers but without a valid seal (a forgery).
 */
export function appendSealedReviews(
  rt: ServerRuntime,
  reviews: LedgerReview[],
  options: { forge?: boolean } = {},
): { rows: number[]; seqs: number[] } {
  const state = sealState(rt);
  const seal = sealer(options.forge ? "not the spreadsheet's secret" : state.secret);
  const ledger = sheet(rt, "Penilaian");
  const start = ledger.values.length + 1;
  const rows = reviews.map((r, i) => {
    const seq = state.reviews + i + 1;
    const when = r.submittedAt ?? new Date("2019-09-05T01:00:00.000Z");
    const scoresJson = JSON.stringify(r.scores);
    const scoresText = Object.entries(r.scores)
      .map(([k, v]) => `${k} ${v}`)
      .join("; ");
    const conflict = r.declaredConflict ? "ya" : "tidak";
    const fields = [
      r.quickwinId,
      r.reviewer,
      scoresText,
      scoresJson,
      r.comment ?? "",
      r.declaredConflict ? "1" : "0",
    ];
    const mac = seal("reviews", seq, Math.round(when.getTime() / 1000), fields);
    return [
      seq,
      when,
      r.quickwinId,
      r.reviewer,
      scoresText,
      scoresJson,
      r.comment ?? "",
      conflict,
      mac,
    ];
  });
  ensureRows(rt, "Penilaian", start + rows.length - 1);
  // Text cells with Sheets' text prefix, as the add-on writes the ledger.
  const typed = rows.map((row) =>
    row.map((v) => (typeof v === "string" && v !== "" ? `'${v}` : v)),
  );
  rt.emulator.typeInto("Penilaian", `A${start}:I${start + rows.length - 1}`, typed);
  if (!options.forge) saveSealCounters(rt, { ...state, reviews: state.reviews + rows.length });
  return {
    rows: rows.map((_, i) => start + i),
    seqs: rows.map((_, i) => state.reviews + i + 1),
  };
}

export type BudgetCase = [
  label: string,
  name: string,
  args: (w: World) => unknown[],
  email: string,
];

/** Every server function as the sidebar calls it, with who calls it. */
export const BUDGET_CASES: BudgetCase[] = [
  ["getSidebarState (coordinator)", "getSidebarState", () => [], COORD],
  ["getSidebarState (reviewer)", "getSidebarState", () => [], REV_B],
  ["getSidebarState (stranger)", "getSidebarState", () => [], STRANGER],
  ["saveSettings", "saveSettings", () => [{ shortlistSize: 5 }], COORD],
  [
    "saveCriteria",
    "saveCriteria",
    (w) => [w.criteria.map((id) => ({ id, name: id, weight: 1, min: 1, max: 5 }))],
    COORD,
  ],
  [
    "saveReviewers",
    "saveReviewers",
    () => [
      [
        { email: COORD, role: "coordinator" },
        { email: REV_B, role: "reviewer" },
        { email: REV_C, role: "reviewer" },
      ],
    ],
    COORD,
  ],
  [
    "saveReviewers (new agencies)",
    "saveReviewers",
    () => [
      [
        { email: COORD, role: "coordinator" },
        { email: REV_B, role: "reviewer", agency: "Dinas Pariwisata" },
        { email: REV_C, role: "reviewer", agency: "Dinas Perhubungan" },
      ],
    ],
    COORD,
  ],
  [
    "saveAgencies",
    "saveAgencies",
    () => [
      [
        { name: "Dinas Kesehatan", shortName: "Dinkes", aliases: ["Dink\u0435s"] },
        { name: "Bappeda", aliases: [] },
      ],
    ],
    COORD,
  ],
  ["saveQuickwin (create)", "saveQuickwin", () => [QUICKWIN], REV_B],
  ["saveQuickwin (update)", "saveQuickwin", () => [{ ...QUICKWIN, id: "QW-002" }], COORD],
  ["submitReview", "submitReview", (w) => [{ quickwinId: "QW-004", scores: w.scores(4) }], REV_B],
  ["computeRanking", "computeRanking", () => [], COORD],
  ["exportShortlist", "exportShortlist", () => [], COORD],
  ["verifyLedger", "verifyLedger", () => [], COORD],
  ["setupSpreadsheet (re-run)", "setupSpreadsheet", () => [], COORD],
  ["selfCheck", "selfCheck", () => [], COORD],
  ["proposeAssignment", "proposeAssignment", () => [{ reviewsPerQuickwin: 2 }], COORD],
  [
    "saveAssignments",
    "saveAssignments",
    () => [
      [
        { quickwinId: "QW-002", reviewer: REV_B },
        { quickwinId: "QW-002", reviewer: REV_C },
      ],
    ],
    COORD,
  ],
  ["getProgress", "getProgress", () => [], COORD],
  ["setScoring (close)", "setScoring", () => [{ open: false }], COORD],
  ["previewImport", "previewImport", () => [{ sheetName: "Formulir" }], COORD],
  ["importQuickwins", "importQuickwins", () => [{ sheetName: "Formulir" }], COORD],
  [
    "setScoring (reopen)",
    "setScoring",
    () => [{ open: true, closesAt: "2099-10-07T10:00" }],
    COORD,
  ],
  ["showMeetingView", "showMeetingView", () => [], COORD],
  ["getMeetingData", "getMeetingData", () => [], COORD],
  [
    "recordDecision",
    "recordDecision",
    () => [{ quickwinId: "QW-003", decision: "selected", reason: "Siap dipamerkan." }],
    COORD,
  ],
  // Its page is made by the first setup: this is the first export, and every one after it.
  ["exportMinutes", "exportMinutes", () => [{ place: "Pati" }], COORD],
];

/** The questions of an Indonesian quickwin form, as its response sheet heads them (after the
 * timestamp's column). */
export const FORM_QUESTIONS = [
  "Nama OPD",
  "Nama Quickwin",
  "Dimensi",
  "Deskripsi",
  "Tanggal mulai",
  "Tanggal selesai",
  "Anggaran",
];

/** A form response sheet of n answers (half of them new quickwins), for the import's budget. */
export function formResponses(rt: ServerRuntime, name: string, n: number): void {
  const app = rt.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
    const sheet = app.getActiveSpreadsheet().insertSheet(name);
    if (sheet.getMaxRows() < n + 1)
      sheet.insertRowsAfter(sheet.getMaxRows(), n + 1 - sheet.getMaxRows());
  });
  const rows: unknown[][] = [["Timestamp", ...FORM_QUESTIONS]];
  for (let i = 1; i <= n; i++) {
    const existing = i % 2 === 0;
    rows.push([
      `2019-09-05 10:${String(i % 60).padStart(2, "0")}:00`,
      existing ? AGENCIES[i % AGENCIES.length] : "Dinas Baru",
      existing ? `Quickwin ${i}` : `Usulan ${i}`,
      "Smart Governance",
      "Dari formulir",
      "2019-09-05",
      "2019-10-05",
      "Rp 1.500.000",
    ]);
  }
  rt.emulator.typeInto(name, `A1:H${n + 1}`, rows);
}
