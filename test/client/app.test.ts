// @vitest-environment happy-dom
// The whole sidebar (src/client/main.ts) against a scripted google.script.run: loading state,
// progress and errors of calls, drafts that survive switching, typed text kept on failure.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { translator } from "../../src/client/i18n";
import { DEFAULT_SETTINGS } from "../../src/core/schemas";
import type { SidebarQuickwin, SidebarState } from "../../src/core/types";

type Handler = (...args: unknown[]) => unknown;

interface Call {
  name: string;
  args: unknown[];
  settle: () => void;
}

/** A google.script.run whose calls wait until the test settles them (to observe progress). */
function fakeRun(handlers: Record<string, Handler>, pending: Call[]) {
  const make = (ok?: (v: unknown) => void, fail?: (e: unknown) => void): unknown =>
    new Proxy(
      {},
      {
        get(_t, name: string) {
          if (name === "withSuccessHandler") return (f: (v: unknown) => void) => make(f, fail);
          if (name === "withFailureHandler") return (f: (e: unknown) => void) => make(ok, f);
          return (...args: unknown[]) => {
            pending.push({
              name,
              args,
              settle: () => {
                try {
                  const handler = handlers[name];
                  if (!handler) throw new Error(`no handler for ${name}`);
                  ok?.(JSON.parse(JSON.stringify(handler(...args) ?? null)));
                } catch (error) {
                  fail?.(error);
                }
              },
            });
          };
        },
      },
    );
  return make();
}

function quickwin(id: string, extra: Partial<SidebarQuickwin> = {}): SidebarQuickwin {
  return {
    id,
    name: `Quickwin ${id}`,
    agency: "Disdagperin",
    dimension: "economy",
    description: "",
    budget: 1_500_000,
    startDate: "2019-09-01",
    endDate: "2019-10-01",
    evidenceUrl: undefined,
    status: "todo",
    agencyConflict: false,
    editable: true,
    ...extra,
  };
}

function baseState(extra: Partial<SidebarState> = {}): SidebarState {
  const quickwins = [
    quickwin("q1", { name: "<img src=x onerror=alert(1)>" }),
    quickwin("q2"),
    quickwin("q3", { agency: "Dinkes", agencyConflict: true }),
  ];
  return {
    user: { email: "penilai@patikab.go.id", role: "reviewer", agency: "Dinkes" },
    locale: "id",
    setupDone: true,
    spreadsheetName: "Penilaian",
    timeZone: "Asia/Jakarta",
    dimensions: [],
    settings: DEFAULT_SETTINGS,
    criteria: [
      {
        id: "kesiapan",
        name: "Kesiapan",
        description: undefined,
        weight: 3,
        min: 1,
        max: 3,
        levels: ["Ide", "Uji coba", "Berjalan"],
      },
      { id: "manfaat", name: "Manfaat", description: undefined, weight: 1, min: 1, max: 5 },
    ],
    quickwins,
    myReviews: [],
    progress: { scored: 0, conflict: 0, todo: 3, total: 3 },
    ...extra,
  };
}

let pending: Call[];

async function boot(handlers: Record<string, Handler>, locale = "id") {
  pending = [];
  document.body.replaceChildren();
  const main = document.createElement("main");
  main.id = "app";
  const bootEl = document.createElement("script");
  bootEl.id = "qw-boot";
  bootEl.type = "application/json";
  bootEl.textContent = JSON.stringify({ locale });
  document.body.append(main, bootEl);
  (globalThis as { google?: unknown }).google = { script: { run: fakeRun(handlers, pending) } };
  vi.resetModules();
  await import("../../src/client/main");
  return main;
}

/** Settles the oldest pending call and lets the promise chain run. */
async function settle(name?: string) {
  const call = pending.shift();
  if (!call) throw new Error("no pending call");
  if (name) expect(call.name).toBe(name);
  call.settle();
  await new Promise((r) => setTimeout(r, 0));
  return call;
}

const $ = <E extends Element = HTMLElement>(sel: string) => document.querySelector(sel) as E;
const $$ = (sel: string) => Array.from(document.querySelectorAll(sel));
function type(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event("input", { bubbles: true }));
  el.dispatchEvent(new Event("change", { bubbles: true }));
}
const buttonByText = (text: string) =>
  $$("button").find((b) => b.textContent?.includes(text)) as HTMLButtonElement;

beforeEach(() => {
  vi.useRealTimers();
});
afterEach(() => {
  delete (globalThis as { google?: unknown }).google;
});

describe("sidebar app", () => {
  it("isolates user text: a U+202E in a name or agency cannot reverse the words around it", async () => {
    const rlo = "\u202eDinkes";
    const state = baseState({
      user: { email: "penilai@patikab.go.id", role: "reviewer", name: "\u202eAni" },
      quickwins: [quickwin("q1", { agency: rlo })],
    });
    const app = await boot({ getSidebarState: () => state });
    await settle("getSidebarState");
    // The agency is an element of its own (an isolate), holding nothing but the agency.
    const meta = app.querySelector(".qw-meta") as HTMLElement;
    expect(meta.textContent).toBe(rlo);
    // So is the user's name in the header.
    const who = app.querySelector(".who") as HTMLElement;
    expect(Array.from(who.querySelectorAll("bdi")).map((b) => b.textContent)).toEqual([
      "\u202eAni",
      "penilai@patikab.go.id",
    ]);
    // And every element of the sidebar is an isolate (sidebar.css).
    const { readFileSync } = await import("node:fs");
    const css = readFileSync("src/client/sidebar.css", "utf8");
    expect(css).toMatch(/body \*,\s*bdi \{\s*unicode-bidi: isolate;/);
  });

  it("shows a loading state, then the scoring list with hostile names as text", async () => {
    const app = await boot({ getSidebarState: () => baseState() });
    expect(app.getAttribute("data-view")).toBe("loading");
    expect(app.getAttribute("aria-busy")).toBe("true");
    expect(app.textContent).toContain("Memuat…");
    await settle("getSidebarState");
    expect(app.getAttribute("data-view")).toBe("score");
    expect(app.hasAttribute("aria-busy")).toBe(false);
    expect(app.querySelector("img")).toBeNull();
    expect(app.textContent).toContain("<img src=x onerror=alert(1)>");
    expect(app.textContent).toContain("0 dari 3 quickwin selesai");
    // Reviewers see two tabs, coordinators four.
    expect($$("[role=tab]").map((b) => b.textContent)).toEqual(["Nilai", "Quickwin"]);
  });

  it("explains a failed load with the server's message and retries", async () => {
    let fail = true;
    const app = await boot({
      getSidebarState: () => {
        if (fail) throw new Error("Exception: Layanan sibuk, coba lagi.");
        return baseState();
      },
    });
    await settle();
    expect($(".notice.error").textContent).toBe("Gagal: Layanan sibuk, coba lagi.");
    expect($(".notice.error").getAttribute("role")).toBe("alert");
    fail = false;
    buttonByText("Coba lagi").click();
    await settle("getSidebarState");
    expect(app.getAttribute("data-view")).toBe("score");
  });

  it("says in the user's language that the connection was lost, whatever the browser said", async () => {
    let fail = true;
    await boot({
      getSidebarState: () => {
        if (fail) throw new Error("NetworkError: Connection failure due to HTTP 0");
        return baseState();
      },
    });
    await settle();
    expect($(".notice.error").textContent).toBe(
      "Gagal: koneksi ke server terputus. Periksa internet, lalu coba lagi; isian Anda tetap di sini.",
    );
    fail = false;
    buttonByText("Coba lagi").click();
    await settle("getSidebarState");
  });

  it("says what to do when Google refuses the call for several signed-in accounts", async () => {
    let fail = true;
    await boot({
      getSidebarState: () => {
        if (fail)
          throw new Error(
            "ScriptError: We're sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED.",
          );
        return baseState();
      },
    });
    await settle();
    const text = $(".notice.error").textContent ?? "";
    expect(text).toBe(translator("id")("error.accounts"));
    expect(text).toMatch(/jendela penyamaran/);
    expect(text).not.toMatch(/PERMISSION_DENIED/);
    fail = false;
    buttonByText("Coba lagi").click();
    await settle("getSidebarState");
  });

  it("keeps a server message that merely quotes the words 'network error'", async () => {
    await boot({
      getSidebarState: () => {
        throw new Error("Quickwin Network error tracker tidak ditemukan.");
      },
    });
    await settle();
    expect($(".notice.error").textContent).toBe(
      "Gagal: Quickwin Network error tracker tidak ditemukan.",
    );
  });

  it("keeps a scoring draft when switching quickwins, and goes to the next after submit", async () => {
    let submitted: unknown;
    await boot({
      getSidebarState: () => baseState(),
      submitReview: (r) => {
        submitted = r;
        return { ...(r as object), submittedAt: "2019-09-05T03:30:00Z" };
      },
    });
    await settle();
    ($$("button.qw-item")[0] as HTMLButtonElement).click();
    const radios = $$("input[type=radio]") as HTMLInputElement[];
    expect(radios).toHaveLength(3 + 5);
    // The level's descriptor is its label.
    expect($(`label[for="${radios[1]!.id}"]`).textContent).toBe("2Uji coba");
    radios[1]!.checked = true;
    radios[1]!.dispatchEvent(new Event("change"));
    type($("textarea") as HTMLTextAreaElement, "catatan saya");
    buttonByText("Kembali ke daftar").click();
    ($$("button.qw-item")[1] as HTMLButtonElement).click();
    expect(($$("input[type=radio]") as HTMLInputElement[]).some((r) => r.checked)).toBe(false);
    buttonByText("Kembali ke daftar").click();
    ($$("button.qw-item")[0] as HTMLButtonElement).click();
    const again = $$("input[type=radio]") as HTMLInputElement[];
    expect(again[1]!.checked).toBe(true);
    expect(($("textarea") as HTMLTextAreaElement).value).toBe("catatan saya");

    // Incomplete: refused locally with the missing criterion named, nothing sent.
    buttonByText("Kirim nilai").click();
    expect(pending).toHaveLength(0);
    expect($(".field-error:not([hidden])").textContent).toBe("Beri nilai untuk: Manfaat");
    // The criterion's name is an isolate of its own (a right-to-left name cannot reorder the list).
    expect($$(".field-error:not([hidden]) bdi").map((b) => b.textContent)).toEqual(["Manfaat"]);

    again[3 + 4]!.checked = true;
    again[3 + 4]!.dispatchEvent(new Event("change"));
    const submit = buttonByText("Kirim nilai");
    submit.click();
    expect(submit.disabled).toBe(true);
    expect(submit.getAttribute("aria-busy")).toBe("true");
    expect($(".busy-line").textContent).toContain("Sedang memproses");
    await settle("submitReview");
    expect(submitted).toEqual({
      quickwinId: "q1",
      scores: { kesiapan: 2, manfaat: 5 },
      comment: "catatan saya",
      declaredConflict: false,
    });
    // The confirmation is where the reviewer is looking: right above "next", at the bottom of
    // the form, and focused, so it is scrolled into view and read out.
    const confirmation = $("#score-saved");
    expect(confirmation.textContent).toBe("Nilai untuk “<img src=x onerror=alert(1)>” tersimpan.");
    expect(confirmation.getAttribute("role")).toBe("status");
    expect(document.activeElement).toBe(confirmation);
    expect(confirmation.nextElementSibling?.querySelector("#next-button")).not.toBeNull();
    expect(confirmation.previousElementSibling?.tagName).toBe("FORM");
    // Next skips q3 (own agency) and lands on q2.
    ($("#next-button") as HTMLButtonElement).click();
    expect($("#view-heading").textContent).toBe("Quickwin q2");
    buttonByText("Kembali ke daftar").click();
    expect(document.body.textContent).toContain("1 dari 3 quickwin selesai");
  });

  it("re-scoring shows the previous scores; a refused review keeps the form and shows why", async () => {
    const state = baseState({
      myReviews: [
        {
          quickwinId: "q1",
          scores: { kesiapan: 3, manfaat: 1 },
          comment: "lama",
          declaredConflict: false,
          submittedAt: "2019-09-05T03:30:00Z",
        },
      ],
    });
    await boot({
      getSidebarState: () => state,
      submitReview: () => {
        throw new Error("Anda tidak dapat menilai quickwin dari OPD Anda sendiri (Dinkes).");
      },
    });
    await settle();
    ($$("button.qw-item")[0] as HTMLButtonElement).click();
    expect(document.body.textContent).toContain("5 September 2019, 10.30 WIB");
    const radios = $$("input[type=radio]") as HTMLInputElement[];
    expect(radios[2]!.checked).toBe(true);
    expect(radios[3]!.checked).toBe(true);
    buttonByText("Perbarui nilai").click();
    await settle("submitReview");
    expect($(".notice.error").textContent).toBe(
      "Gagal: Anda tidak dapat menilai quickwin dari OPD Anda sendiri (Dinkes).",
    );
    expect(($("textarea") as HTMLTextAreaElement).value).toBe("lama");
    expect(buttonByText("Perbarui nilai").disabled).toBe(false);
  });

  it("an own-agency quickwin shows one sentence and the conflict button, not a greyed rubric", async () => {
    let submitted: unknown;
    await boot({
      getSidebarState: () => baseState(),
      submitReview: (r) => {
        submitted = r;
        return { ...(r as object), submittedAt: "2019-09-05T03:30:00Z" };
      },
    });
    await settle();
    ($$("button.qw-item")[2] as HTMLButtonElement).click();
    expect(document.body.textContent).toContain("berasal dari OPD Anda (Dinkes)");
    const form = $("form.score-form");
    expect(form.querySelectorAll("fieldset, input, textarea")).toHaveLength(0);
    expect(form.textContent).toContain("Nilai tidak diperlukan");
    expect(buttonByText("Kirim nilai")).toBeUndefined();
    buttonByText("Catat konflik").click();
    await settle("submitReview");
    expect(submitted).toEqual({
      quickwinId: "q3",
      scores: {},
      comment: "",
      declaredConflict: true,
    });
    expect(document.activeElement?.id).toBe("score-saved");
    // A conflict recorded, in words that do not say scores were given.
    expect($("#score-saved").textContent).toMatch(/^Konflik kepentingan untuk “.+” tercatat\.$/);
    expect($(".notice.info").textContent).toMatch(
      /^Anda sudah mencatat konflik kepentingan untuk quickwin ini \(5 September 2019, 10\.30 WIB\)/,
    );
    // Recorded: no second invitation to record it, only the way on.
    expect($("form.score-form")).toBeNull();
    expect(buttonByText("Catat konflik")).toBeUndefined();
    expect(
      buttonByText("Quickwin berikutnya →") ?? buttonByText("← Kembali ke daftar"),
    ).toBeDefined();
  });

  it("ticking 'conflict' disables the levels; unticking enables them, keeping the picks", async () => {
    await boot({ getSidebarState: () => baseState() });
    await settle();
    ($$("button.qw-item")[1] as HTMLButtonElement).click();
    const fieldsets = () => $$("fieldset[data-criterion]") as HTMLFieldSetElement[];
    const radios = $$("input[type=radio]") as HTMLInputElement[];
    radios[0]!.checked = true;
    radios[0]!.dispatchEvent(new Event("change"));
    expect(fieldsets().every((f) => !f.disabled)).toBe(true);
    const box = $("input[type=checkbox]") as HTMLInputElement;
    box.checked = true;
    box.dispatchEvent(new Event("change"));
    expect(fieldsets()).toHaveLength(2);
    expect(fieldsets().every((f) => f.disabled)).toBe(true);
    expect(document.body.textContent).toContain("Konflik dinyatakan");
    // A declared conflict survives switching away and back: still disabled.
    buttonByText("Kembali ke daftar").click();
    ($$("button.qw-item")[1] as HTMLButtonElement).click();
    expect(fieldsets().every((f) => f.disabled)).toBe(true);
    const again = $("input[type=checkbox]") as HTMLInputElement;
    again.checked = false;
    again.dispatchEvent(new Event("change"));
    expect(fieldsets().every((f) => !f.disabled)).toBe(true);
    expect(($$("input[type=radio]")[0] as HTMLInputElement).checked).toBe(true);
  });

  it("'Batal' leaves an untouched form at once, but asks before discarding typed text", async () => {
    await boot({ getSidebarState: () => baseState() });
    await settle();
    ($("#tab-quickwin") as HTMLButtonElement).click();
    // Untouched (or typed and cleared): no question.
    ($("#add-quickwin") as HTMLButtonElement).click();
    type($("[name=name]") as HTMLInputElement, "x");
    type($("[name=name]") as HTMLInputElement, "");
    buttonByText("Batal").click();
    expect($("#add-quickwin")).not.toBeNull();
    // Typed: asked first; "keep editing" keeps every character.
    ($("#add-quickwin") as HTMLButtonElement).click();
    type($("[name=name]") as HTMLInputElement, "Satrio Pasar");
    buttonByText("Batal").click();
    const ask = $(".confirm");
    expect(ask.hidden).toBe(false);
    expect(ask.textContent).toContain("Buang isian yang belum disimpan?");
    expect(document.activeElement?.textContent).toBe("Lanjutkan mengisi");
    buttonByText("Lanjutkan mengisi").click();
    expect(ask.hidden).toBe(true);
    expect(($("[name=name]") as HTMLInputElement).value).toBe("Satrio Pasar");
    buttonByText("Batal").click();
    buttonByText("Ya, buang").click();
    expect($("#add-quickwin")).not.toBeNull();
    expect($(".qw-form")).toBeNull();
    // Editing: opening and cancelling without a change does not ask; a change does.
    buttonByText("Ubah").click();
    buttonByText("Batal").click();
    expect($(".qw-form")).toBeNull();
    buttonByText("Ubah").click();
    type($("[name=budget]") as HTMLInputElement, "2000000");
    buttonByText("Batal").click();
    expect($(".confirm").hidden).toBe(false);
  });

  it("shows how full a long text is once it nears the limit, so a cut paste is noticed", async () => {
    await boot({ getSidebarState: () => baseState() });
    await settle();
    ($("#tab-quickwin") as HTMLButtonElement).click();
    ($("#add-quickwin") as HTMLButtonElement).click();
    const description = $("[name=description]") as HTMLTextAreaElement;
    const counter = description.parentElement!.querySelector(".counter") as HTMLElement;
    expect(counter.hidden).toBe(true);
    type(description, "x".repeat(4_500));
    expect(counter.hidden).toBe(false);
    expect(counter.textContent).toBe("4.500 dari 5.000 karakter");
    type(description, "x".repeat(5_000));
    expect(counter.textContent).toBe(
      "Batas 5.000 karakter tercapai; teks selebihnya tidak disimpan.",
    );
  });

  it("validates the quickwin form as the user types and keeps it on a server error", async () => {
    let saved: unknown;
    let refuse = true;
    await boot({
      getSidebarState: () => baseState(),
      saveQuickwin: (q) => {
        if (refuse) throw new Error("Sedang sibuk, coba lagi sebentar.");
        saved = q;
        return { ...(q as object), id: "q9" };
      },
    });
    await settle();
    ($("#tab-quickwin") as HTMLButtonElement).click();
    ($("#add-quickwin") as HTMLButtonElement).click();
    const input = (name: string) => $(`[name=${name}]`) as HTMLInputElement;
    // Not pre-filled with the user's own agency (Dinkes): the agency is the proposer's.
    expect(input("agency").value).toBe("");
    type(input("agency"), "Disdagperin");
    type(input("name"), "");
    expect(
      $(`#${input("name").getAttribute("aria-describedby")?.split(" ").pop()}`).textContent,
    ).toBe("Wajib diisi");
    expect(input("name").getAttribute("aria-invalid")).toBe("true");
    type(input("name"), '=HYPERLINK("x")');
    expect(input("name").hasAttribute("aria-invalid")).toBe(false);
    type(input("dimension") as unknown as HTMLInputElement, "living");
    // Dates are typed day first (not the browser's mm/dd/yyyy) and spelled out beside.
    expect(input("startDate").type).toBe("text");
    type(input("startDate"), "1/9/2019");
    expect(input("startDate").parentElement?.textContent).toContain("1 September 2019");
    input("startDate").dispatchEvent(new Event("blur"));
    expect(input("startDate").value).toBe("01/09/2019");
    type(input("endDate"), "31/2/2019");
    expect(input("endDate").parentElement?.textContent).toContain("Hari/bulan/tahun");
    type(input("endDate"), "2019-12-31");
    expect(input("endDate").parentElement?.textContent).toContain("31 Desember 2019");
    // Longer than two months: a warning, not an error.
    expect($(".field-warning").hidden).toBe(false);
    expect($(".field-warning").textContent).toContain("lebih dari dua bulan");
    // Cents are the problem, and the form says so (not "must be a number").
    type(input("budget"), "1.500.000,50");
    expect(
      $(`#${input("budget").getAttribute("aria-describedby")?.split(" ").pop()}`).textContent,
    ).toBe("Anggaran dalam Rupiah utuh, tanpa sen: tulis 1.500.000, bukan 1.500.000,50");
    type(input("budget"), "Rp 1.500.000");
    expect(document.body.textContent).toContain("Rp1.500.000");
    type(input("evidenceUrl"), "javascript:alert(1)");
    expect(input("evidenceUrl").getAttribute("aria-invalid")).toBe("true");
    type(input("evidenceUrl"), "https://patikab.go.id/satrio");
    buttonByText("Simpan quickwin").click();
    await settle("saveQuickwin");
    expect($(".notice.error").textContent).toBe("Gagal: Sedang sibuk, coba lagi sebentar.");
    expect(input("name").value).toBe('=HYPERLINK("x")');
    expect(input("budget").value).toBe("Rp 1.500.000");
    refuse = false;
    buttonByText("Simpan quickwin").click();
    await settle("saveQuickwin");
    expect(saved).toEqual({
      name: '=HYPERLINK("x")',
      agency: "Disdagperin",
      dimension: "living",
      description: "",
      startDate: "2019-09-01",
      endDate: "2019-12-31",
      budget: 1_500_000,
      evidenceUrl: "https://patikab.go.id/satrio",
    });
    expect(document.body.textContent).toContain('=HYPERLINK("x")');
    expect($$(".qw-row")).toHaveLength(4);
  });

  it("shows coordinators the ranking with flags in words, and settings with explanations", async () => {
    const state = baseState({
      user: { email: "k@patikab.go.id", role: "coordinator" },
      panel: [
        { email: "k@patikab.go.id", role: "coordinator", name: undefined, agency: undefined },
        { email: "ani@patikab.go.id", role: "reviewer", name: "Ani", agency: "Dinkes" },
      ],
    });
    let exported = false;
    await boot(
      {
        getSidebarState: () => state,
        computeRanking: () => ({
          rows: [
            {
              quickwinId: "q2",
              rank: 1,
              score: 80.25,
              rawScore: 80.25,
              reviewCount: 3,
              sd: 1,
              rankLow: 1,
              rankHigh: 2,
              pShortlist: 0.5,
              valueForMoney: 1,
              shortlisted: true,
              flags: ["uncertain-shortlist"],
              criterionMeans: {},
              minReview: 70,
              maxReview: 90,
            },
          ],
          shortlist: ["q2"],
          agreement: null,
          // Worded by the server in its own language; the sidebar re-words them in its own.
          problems: [
            {
              code: "unknown-reviewer",
              message: "Penilai x@y.id tidak terdaftar",
              reviewer: "x@y.id",
              quickwinId: "q2",
            },
            {
              code: "conflict-of-interest",
              message: "Konflik",
              reviewer: "b@y.id",
              quickwinId: "q2",
            },
          ],
          normalizationUsed: "bias",
          calibration: {
            method: "bias-shrunk",
            reason: "leniency",
            shrinkage: 0.8,
            leniencySd: 12,
            noiseSd: 9,
          },
          agreementReading: null,
          rowProblems: [{ sheet: "Reviews", row: 4, message: "bad score" }],
          computedAt: "2019-09-05T03:30:00Z",
          ledger: { rows: 3, sealed: 3, tampered: [], gaps: [], length: 3, lastSeal: "abc=" },
        }),
        exportShortlist: () => {
          exported = true;
          return {
            sheetName: "Shortlist",
            quickwinIds: ["q2"],
            csv: "a,b\r\n",
            csvRows: [
              ["a", "b"],
              [1, 80.3],
            ],
          };
        },
      },
      "en",
    );
    await settle();
    expect($$("[role=tab]").map((b) => b.textContent)).toEqual([
      "Score",
      "Quickwins",
      "Prepare",
      "Ranking",
      "Settings",
    ]);
    ($("#tab-ranking") as HTMLButtonElement).click();
    ($("#compute-ranking") as HTMLButtonElement).click();
    await settle("computeRanking");
    // The board's warnings come right after (none here: no assignments).
    await settle("getProgress");
    const text = document.body.textContent ?? "";
    expect(text).toContain("Computed 5 September 2019, 10:30 WIB");
    expect(text).toContain("80.3");
    // What calibration did, in words.
    expect(text).toContain("Reviewer leniency corrected");
    expect(text).toContain("80% of each reviewer's apparent leniency");
    expect(text).toContain("rank 1–2");
    expect(text).toContain("chance of selection 50%");
    expect(text).toContain("Selected");
    expect(text).toContain(translator("en")("flag.uncertain-shortlist"));
    expect(text).toContain("Reviewer x@y.id is not on the panel");
    expect(text).not.toContain("Penilai x@y.id");
    // A conflict is the rule working: one line, not a data problem to fix.
    expect(text).toContain("Not counted because of a conflict of interest");
    expect(text).not.toContain("Konflik");
    expect(text).toContain("Sheet Reviews, row 4: bad score");
    // The sealed ledger held: said in words.
    expect(text).toContain("Ledger verified: 3 reviews");
    expect($("svg.chart rect")).not.toBeNull();
    ($("#export-shortlist") as HTMLButtonElement).click();
    await settle("exportShortlist");
    expect(exported).toBe(true);
    const link = $("a[download]") as HTMLAnchorElement;
    expect(link.getAttribute("download")).toMatch(/^shortlist-\d{4}-\d{2}-\d{2}\.csv$/);
    // The CSV style beside the download: an English sidebar defaults to comma and point.
    const style = $("#csv-style") as HTMLSelectElement;
    expect(style.value).toBe("comma");
    expect(document.body.textContent).toContain("Comma (,) and decimal point");
    style.value = "semicolon";
    style.dispatchEvent(new Event("change"));
    expect(($("#csv-style") as HTMLSelectElement).value).toBe("semicolon");
    expect($("a[download]")).not.toBeNull();

    ($("#tab-settings") as HTMLButtonElement).click();
    expect(document.body.textContent).toContain("0 means no cap");
    // The panel list names each member and their agency (the email when there is no name).
    const members = $$("section[aria-labelledby=panel-heading] details > summary").map(
      (x) => x.textContent,
    );
    expect(members).toEqual(["k@patikab.go.id · Coordinator", "Ani · Dinkes · Reviewer"]);
    // Switching the language re-renders in Indonesian, keeping the tab.
    ($("#lang-id") as HTMLButtonElement).click();
    expect(document.documentElement.lang).toBe("id");
    expect($("[role=tab][aria-selected=true]").textContent).toBe("Pengaturan");
  });

  it("a ranking with nothing ranked says what is missing and where, not just '0 of 1'", async () => {
    const state = baseState({ user: { email: "k@patikab.go.id", role: "coordinator" } });
    const empty = {
      shortlist: [],
      agreement: null,
      problems: [],
      normalizationUsed: "none",
      calibration: { method: "none", reason: "too-few" },
      agreementReading: null,
      rowProblems: [],
      computedAt: "2019-09-05T03:30:00Z",
      ledger: { rows: 0, sealed: 0, tampered: [], gaps: [], length: 0, lastSeal: "" },
    };
    const unranked = {
      quickwinId: "q2",
      rank: null,
      score: null,
      rawScore: null,
      reviewCount: 1,
      sd: null,
      rankLow: null,
      rankHigh: null,
      pShortlist: null,
      valueForMoney: null,
      shortlisted: false,
      flags: ["too-few-reviews"],
      criterionMeans: {},
      minReview: null,
      maxReview: null,
    };
    let rows: unknown[] = [unranked];
    await boot({
      getSidebarState: () => state,
      computeRanking: () => ({ ...empty, rows }) as never,
    });
    await settle();
    ($("#tab-ranking") as HTMLButtonElement).click();
    ($("#compute-ranking") as HTMLButtonElement).click();
    await settle("computeRanking");
    await settle("getProgress");
    expect($(".rank-body .notice.info").textContent).toBe(
      "Belum ada quickwin yang masuk peringkat: tiap quickwin perlu dinilai sekurangnya 2 penilai. Penilai mengisi nilai di tab Nilai; tab Persiapan menunjukkan siapa yang belum menilai.",
    );
    rows = [];
    ($("#compute-ranking") as HTMLButtonElement).click();
    await settle("computeRanking");
    await settle("getProgress");
    expect($(".rank-body .notice.info").textContent).toBe(
      "Belum ada quickwin. Tambahkan di tab Quickwin.",
    );
  });

  it("an assignment proposal with nobody to assign says why, without a save for nothing", async () => {
    const why =
      "Tim Penilai belum memiliki anggota berperan penilai, jadi belum ada yang bisa ditugaskan.";
    await boot({
      getSidebarState: () => baseState({ user: { email: "k@patikab.go.id", role: "coordinator" } }),
      getProgress: () => ({ reviewers: [], quickwins: [], grid: [], warnings: [] }) as never,
      proposeAssignment: () => ({
        reviewsPerQuickwin: 3,
        pairs: [],
        kept: 0,
        added: 0,
        loads: [],
        conflicts: {},
        unmet: [why],
      }),
    });
    await settle();
    ($("#tab-plan") as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0)); // the board loads in a microtask
    await settle("getProgress");
    ($("#assign-propose") as HTMLButtonElement).click();
    await settle("proposeAssignment");
    expect($("#assign-unmet").textContent).toContain(why);
    expect(document.activeElement?.id).toBe("assign-unmet");
    expect($("#assign-summary")).toBeNull();
    expect($("#assign-save")).toBeNull();
  });

  it("a reopened sidebar shows the ranking sheet's shortlist and the export, outdated when so", async () => {
    const state = baseState({
      user: { email: "k@patikab.go.id", role: "coordinator" },
      panel: [
        { email: "k@patikab.go.id", role: "coordinator", name: undefined, agency: undefined },
      ],
      lastRanking: { rows: 3, ranked: 2, shortlist: ["q2"], outdated: true },
    });
    let exported = false;
    await boot({
      getSidebarState: () => state,
      exportShortlist: () => {
        exported = true;
        return { sheetName: "Daftar Pendek", quickwinIds: ["q2"], csv: "", csvRows: [["a"]] };
      },
    });
    await settle("getSidebarState");
    ($("#tab-ranking") as HTMLButtonElement).click();
    const kept = $("#last-ranking");
    expect(kept.textContent).toContain("2 dari 3 quickwin berperingkat");
    expect(kept.textContent).toContain("Daftar pendek: Quickwin q2");
    expect($("#last-outdated").textContent).toContain("sudah usang");
    // Export without recomputing; an Indonesian sidebar defaults to semicolons.
    ($("#export-shortlist") as HTMLButtonElement).click();
    await settle("exportShortlist");
    expect(exported).toBe(true);
    expect(($("#csv-style") as HTMLSelectElement).value).toBe("semicolon");
  });

  it("moves between tabs with the arrow keys, Home and End (one tab stop)", async () => {
    await boot({
      getSidebarState: () => baseState({ user: { email: "k@b.id", role: "coordinator" } }),
    });
    await settle();
    const tabs = () => $$("[role=tab]") as HTMLButtonElement[];
    expect(tabs().map((b) => b.tabIndex)).toEqual([0, -1, -1, -1, -1]);
    const key = (k: string) =>
      $("[role=tablist]").dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
    key("ArrowRight");
    expect(document.activeElement?.id).toBe("tab-quickwin");
    expect($("[role=tab][aria-selected=true]").id).toBe("tab-quickwin");
    expect($("#tabpanel").getAttribute("aria-labelledby")).toBe("tab-quickwin");
    key("End");
    expect(document.activeElement?.id).toBe("tab-settings");
    key("ArrowRight");
    expect(document.activeElement?.id).toBe("tab-score");
    key("ArrowLeft");
    expect(document.activeElement?.id).toBe("tab-settings");
    key("Home");
    expect(document.activeElement?.id).toBe("tab-score");
    expect(tabs().map((b) => b.tabIndex)).toEqual([0, -1, -1, -1, -1]);
  });

  it("reloads the state on request, keeping what was typed", async () => {
    let extra: SidebarQuickwin[] = [];
    await boot({
      getSidebarState: () => {
        const s = baseState();
        return { ...s, quickwins: [...s.quickwins, ...extra] };
      },
    });
    await settle();
    ($("#tab-quickwin") as HTMLButtonElement).click();
    ($("#add-quickwin") as HTMLButtonElement).click();
    type($("[name=name]") as HTMLInputElement, "Draf saya");
    extra = [quickwin("q4", { name: "Baru dari koordinator" })];
    const reload = $("#reload-button") as HTMLButtonElement;
    reload.click();
    expect(reload.disabled).toBe(true);
    await settle("getSidebarState");
    expect(($("[name=name]") as HTMLInputElement).value).toBe("Draf saya");
    expect($(".notice.ok").textContent).toBe("Data terbaru dimuat.");
    buttonByText("Batal").click();
    buttonByText("Ya, buang").click();
    expect(document.body.textContent).toContain("Baru dari koordinator");
  });

  it("offers setup on a new spreadsheet, and explains to non-members whom to ask", async () => {
    const app = await boot({
      getSidebarState: () => baseState({ setupDone: false, user: { email: "a@b.id", role: null } }),
      setupSpreadsheet: () => baseState({ user: { email: "a@b.id", role: "coordinator" } }),
    });
    await settle();
    expect(app.getAttribute("data-view")).toBe("setup");
    ($("#setup-run") as HTMLButtonElement).click();
    await settle("setupSpreadsheet");
    expect(app.getAttribute("data-view")).toBe("settings");

    const other = await boot({
      getSidebarState: () => baseState({ user: { email: "tamu@b.id", role: null } }),
    });
    await settle();
    expect(other.getAttribute("data-view")).toBe("not-member");
    expect(other.textContent).toContain("tamu@b.id belum ada di tim penilai");
  });
});
