import { describe, expect, it } from "vitest";
import { fieldErrors, validate } from "../../src/client/fields";
import { translator } from "../../src/client/i18n";
import {
  criterionPayload,
  csvForDownload,
  draftOfMember,
  draftOfQuickwin,
  draftOfReview,
  emptyQuickwinDraft,
  hasRupiahCents,
  levelCount,
  missingScores,
  nextToScore,
  progressOf,
  quickwinPayload,
  resizeLevels,
  reviewPayload,
  slugify,
  totalWeight,
  withQuickwin,
  withReview,
  withStatuses,
  withTypedAgencies,
} from "../../src/client/model";
import {
  type Criterion,
  DEFAULT_SETTINGS,
  PanelInputSchema,
  QuickwinInputSchema,
  RubricInputSchema,
} from "../../src/core/schemas";
import type { SidebarQuickwin, SidebarState } from "../../src/core/types";

const tId = translator("id");
const tEn = translator("en");

const criteria: Criterion[] = [
  { id: "manfaat", name: "Manfaat", description: undefined, weight: 3, min: 1, max: 5 },
  {
    id: "biaya",
    name: "Biaya",
    description: undefined,
    weight: 1,
    min: 0,
    max: 2,
    levels: ["mahal", "sedang", "murah"],
  },
];

function qw(id: string, extra: Partial<SidebarQuickwin> = {}): SidebarQuickwin {
  return {
    id,
    name: `Q ${id}`,
    agency: "Diskominfo",
    dimension: "governance",
    description: "",
    budget: 1000,
    startDate: "2019-09-01",
    endDate: "2019-10-01",
    evidenceUrl: undefined,
    status: "todo",
    agencyConflict: false,
    editable: false,
    ...extra,
  };
}

function state(quickwins: SidebarQuickwin[]): SidebarState {
  return {
    user: { email: "a@b.id", role: "reviewer", agency: "Dinkes" },
    locale: "id",
    setupDone: true,
    spreadsheetName: "x",
    timeZone: "Asia/Jakarta",
    dimensions: [],
    settings: DEFAULT_SETTINGS,
    criteria,
    quickwins,
    myReviews: [],
    progress: progressOf(quickwins),
  };
}

describe("quickwin form", () => {
  const filled = {
    ...emptyQuickwinDraft("Diskominfo"),
    name: "  Satrio Pasar ",
    dimension: "economy",
    description: "Pasar",
    startDate: "2019-09-01",
    endDate: "2019-10-15",
    budget: "Rp 1.500.000",
    beneficiaries: "12.500",
    stage: "pilot",
    evidenceUrl: " https://patikab.go.id ",
  };

  it("turns what was typed into a payload the server's schema accepts", () => {
    const payload = quickwinPayload(filled);
    expect(payload).toEqual({
      name: "  Satrio Pasar ",
      agency: "Diskominfo",
      dimension: "economy",
      description: "Pasar",
      startDate: "2019-09-01",
      endDate: "2019-10-15",
      budget: 1_500_000,
      beneficiaries: 12_500,
      stage: "pilot",
      evidenceUrl: "https://patikab.go.id",
    });
    const result = validate(QuickwinInputSchema, payload, tId);
    expect(result.ok).toBe(true);
  });

  it("omits empty optional fields (the schema is strict)", () => {
    const payload = quickwinPayload({ ...filled, beneficiaries: " ", stage: "", evidenceUrl: "" });
    expect(Object.keys(payload)).not.toContain("beneficiaries");
    expect(Object.keys(payload)).not.toContain("stage");
    expect(Object.keys(payload)).not.toContain("evidenceUrl");
    expect(validate(QuickwinInputSchema, payload, tId).ok).toBe(true);
  });

  it("reports every bad field in the server's words, by field", () => {
    const payload = quickwinPayload({
      ...emptyQuickwinDraft(),
      startDate: "2019-10-01",
      endDate: "2019-09-01",
      budget: "satu juta",
      evidenceUrl: "javascript:alert(1)",
    });
    const result = validate(QuickwinInputSchema, payload, tId);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toMatchObject({
      name: "Wajib diisi",
      agency: "Wajib diisi",
      dimension: "Pilih salah satu dari enam dimensi smart city",
      budget: "Harus berupa angka",
      evidenceUrl: "Harus alamat web yang diawali http:// atau https://",
      // Shown with the others at once, not only after they are fixed.
      endDate: "Tidak boleh sebelum tanggal mulai",
    });
    const en = validate(QuickwinInputSchema, payload, tEn);
    expect(!en.ok && en.errors.name).toBe("Is required");
  });

  it("reports a missing budget as required and a negative one as such", () => {
    const missing = validate(QuickwinInputSchema, quickwinPayload({ ...filled, budget: "" }), tId);
    expect(!missing.ok && missing.errors.budget).toBe("Wajib diisi");
    const negative = validate(
      QuickwinInputSchema,
      quickwinPayload({ ...filled, budget: "-5" }),
      tId,
    );
    expect(!negative.ok && negative.errors.budget).toBe("Tidak boleh negatif");
  });

  it("puts the date-order rule on the end date", () => {
    const result = validate(
      QuickwinInputSchema,
      quickwinPayload({ ...filled, startDate: "2019-10-01", endDate: "2019-09-01" }),
      tId,
    );
    expect(!result.ok && result.errors.endDate).toBe("Tidak boleh sebelum tanggal mulai");
  });

  it("edits a quickwin from its stored values", () => {
    const d = draftOfQuickwin(qw("q1", { beneficiaries: 40, stage: "pilot" }));
    expect(d).toMatchObject({ id: "q1", budget: "Rp1.000", beneficiaries: "40", stage: "pilot" });
    expect(quickwinPayload(d)).toMatchObject({ id: "q1", budget: 1000, beneficiaries: 40 });
  });

  it("lists unknown keys as a form-level problem", () => {
    const errors = fieldErrors(
      QuickwinInputSchema.safeParse({ ...quickwinPayload(filled), hack: 1 }).error!,
      {},
      tId,
    );
    expect(errors[""]).toMatch(/hack/);
  });
});

describe("scoring", () => {
  it("needs every criterion unless a conflict is declared", () => {
    const d = draftOfReview(undefined);
    expect(missingScores(d, criteria).map((c) => c.id)).toEqual(["manfaat", "biaya"]);
    d.scores.manfaat = 4;
    expect(missingScores(d, criteria).map((c) => c.id)).toEqual(["biaya"]);
    d.declaredConflict = true;
    expect(missingScores(d, criteria)).toEqual([]);
  });

  it("a criterion called like one of Object's keys is still unscored until scored", () => {
    const odd = [{ ...criteria[0]!, id: "constructor" }];
    const d = draftOfReview(undefined);
    expect(missingScores(d, odd).map((c) => c.id)).toEqual(["constructor"]);
    expect(reviewPayload("q1", d, odd).scores).toEqual({});
    d.scores = { constructor: 3 };
    expect(missingScores(d, odd)).toEqual([]);
    expect(reviewPayload("q1", d, odd).scores).toEqual({ constructor: 3 });
  });

  it("sends only the current criteria's scores", () => {
    const d = { scores: { manfaat: 4, biaya: 2, old: 3 }, comment: "ok", declaredConflict: false };
    expect(reviewPayload("q1", d, criteria)).toEqual({
      quickwinId: "q1",
      scores: { manfaat: 4, biaya: 2 },
      comment: "ok",
      declaredConflict: false,
    });
  });

  it("re-scoring starts from the previous review (a copy, not the same object)", () => {
    const previous = {
      quickwinId: "q1",
      scores: { manfaat: 2 },
      comment: "c",
      declaredConflict: false,
      submittedAt: "2019-09-05T03:00:00Z",
    };
    const d = draftOfReview(previous);
    d.scores.manfaat = 5;
    expect(previous.scores.manfaat).toBe(2);
  });

  it("goes to the next unscored quickwin, wrapping and skipping own-agency ones", () => {
    const list = [
      qw("a", { status: "scored" }),
      qw("b", { agencyConflict: true }),
      qw("c"),
      qw("d", { status: "conflict" }),
      qw("e"),
    ];
    expect(nextToScore(list, "a")).toBe("c");
    expect(nextToScore(list, "c")).toBe("e");
    expect(nextToScore(list, "e")).toBe("c");
    expect(nextToScore(list, null)).toBe("c");
    expect(nextToScore([qw("x", { status: "scored" })], "x")).toBeNull();
  });

  it("goes to the caller's assigned quickwins first, as the list shows them, then the others", () => {
    // The list shows assigned ones first: from an unassigned one (here an own-agency conflict
    // just recorded), "next" is the assigned one still to do, not the next in sheet order.
    const list = [
      qw("a", { assigned: true, status: "scored" }),
      qw("b", { assigned: true }),
      qw("c", { agencyConflict: true, status: "conflict" }),
      qw("d"),
      qw("e", { assigned: true }),
    ];
    expect(nextToScore(list, "c")).toBe("b");
    expect(nextToScore(list, "b")).toBe("e");
    expect(nextToScore(list, "e")).toBe("b");
    expect(nextToScore(list, "d")).toBe("b");
    const allDone = list.map((q) => (q.assigned ? { ...q, status: "scored" as const } : q));
    expect(nextToScore(allDone, "e")).toBe("d");
    // Unassigned quickwins closed to the caller are never "next".
    expect(nextToScore(allDone, "e", false)).toBeNull();
    expect(nextToScore(list, "b", false)).toBe("e");
    // Nothing assigned at all: every quickwin is open to the caller, in list order.
    expect(nextToScore([qw("x"), qw("y")], "x", false)).toBe("y");
  });

  it("updates status and progress after a review is saved", () => {
    const s = state([qw("a"), qw("b")]);
    const review = {
      quickwinId: "b",
      scores: {},
      comment: "",
      declaredConflict: true,
      submittedAt: "2019-09-05T03:00:00Z",
    };
    const next = withReview(s, review);
    expect(next.quickwins.map((q) => q.status)).toEqual(["todo", "conflict"]);
    expect(next.progress).toEqual({ scored: 0, conflict: 1, todo: 1, total: 2 });
    expect(next.myReviews).toEqual([review]);
    const again = withReview(next, { ...review, declaredConflict: false });
    expect(again.myReviews).toHaveLength(1);
    expect(again.progress.scored).toBe(1);
  });

  it("lists agencies typed in a save as the server does: new names only, once each", () => {
    const s: SidebarState = {
      ...state([]),
      agencies: [{ name: "Dinas Kesehatan", shortName: "Dinkes", aliases: [] }],
    };
    const next = withTypedAgencies(s, [" DINKES ", "Bappeda", "bappeda", "", "Dinas Kesehatan"]);
    expect(next.agencies).toEqual([
      { name: "Dinas Kesehatan", shortName: "Dinkes", aliases: [] },
      { name: "Bappeda", aliases: [] },
    ]);
    expect(withTypedAgencies(s, ["Dinkes"])).toBe(s);
    // A saved quickwin of a new agency puts the agency on the list too.
    const saved = withQuickwin(s, { ...qw("z"), agency: "Dislautkan" });
    expect(saved.agencies?.map((a) => a.name)).toEqual(["Dinas Kesehatan", "Dislautkan"]);
  });

  it("adds or replaces a saved quickwin, marking an own-agency conflict", () => {
    const s = state([qw("a")]);
    const created = withQuickwin(s, { ...qw("b"), agency: " dinkes " });
    expect(created.quickwins.map((q) => q.id)).toEqual(["a", "b"]);
    expect(created.quickwins[1]).toMatchObject({
      agencyConflict: true,
      editable: true,
      status: "conflict",
    });
    expect(created.progress).toEqual({ scored: 0, conflict: 1, todo: 1, total: 2 });
    const updated = withQuickwin(created, { ...qw("a"), name: "Baru" });
    expect(updated.quickwins.map((q) => q.name)).toEqual(["Baru", "Q b"]);
  });

  it("re-decides every status as the server does after the rubric or the caller's agency changed", () => {
    const review = {
      quickwinId: "a",
      scores: { manfaat: 4, biaya: 1 },
      comment: "",
      declaredConflict: false,
      submittedAt: "2019-09-05T03:00:00Z",
    };
    const s = withStatuses({ ...state([qw("a"), qw("b")]), myReviews: [review] });
    expect(s.quickwins.map((q) => q.status)).toEqual(["scored", "todo"]);
    // A criterion added: the old review no longer covers the rubric.
    const wider = withStatuses({
      ...s,
      criteria: [...criteria, { id: "baru", name: "Baru", weight: 1, min: 1, max: 5 }],
    });
    expect(wider.quickwins.map((q) => q.status)).toEqual(["todo", "todo"]);
    expect(wider.progress).toEqual({ scored: 0, conflict: 0, todo: 2, total: 2 });
    // The caller moved to the quickwins' agency: both are now conflicts.
    const moved = withStatuses({ ...s, user: { ...s.user, agency: "DISKOMINFO " } });
    expect(moved.quickwins.map((q) => [q.status, q.agencyConflict])).toEqual([
      ["conflict", true],
      ["conflict", true],
    ]);
  });

  it("decides conflicts by the agency list, as the server does", () => {
    const typed = [qw("a", { agency: "Dinas Kesehatan" }), qw("b", { agency: "Dink\u0435s" })];
    // Without the list, neither spelling is the caller's "Dinkes".
    expect(withStatuses(state(typed)).quickwins.map((q) => q.agencyConflict)).toEqual([
      false,
      false,
    ]);
    const listed = withStatuses({
      ...state(typed),
      agencies: [{ name: "Dinas Kesehatan", shortName: "Dinkes", aliases: ["Dink\u0435s"] }],
    });
    expect(listed.quickwins.map((q) => [q.status, q.agencyConflict])).toEqual([
      ["conflict", true],
      ["conflict", true],
    ]);
    expect(listed.progress.conflict).toBe(2);
  });
});

describe("rubric and panel editors", () => {
  it("keeps descriptors as min/max change", () => {
    const d = {
      id: "x",
      name: "X",
      description: "",
      weight: "1",
      min: "1",
      max: "3",
      levels: ["a", "b", "c"],
    };
    expect(levelCount(d)).toBe(3);
    expect(resizeLevels({ ...d, max: "5" }).levels).toEqual(["a", "b", "c", "", ""]);
    expect(resizeLevels({ ...d, max: "2" }).levels).toEqual(["a", "b"]);
    expect(resizeLevels({ ...d, max: "x" })).toEqual({ ...d, max: "x" });
    expect(levelCount({ ...d, min: "5", max: "1" })).toBeNull();
  });

  it("builds criteria the rubric schema checks, with errors by criterion and field", () => {
    const good = criterionPayload({
      id: "manfaat",
      name: "Manfaat",
      description: "",
      weight: "2,5",
      min: "1",
      max: "3",
      levels: ["", "", ""],
    });
    expect(good).toEqual({ id: "manfaat", name: "Manfaat", weight: 2.5, min: 1, max: 3 });
    const bad = criterionPayload({
      id: "Bad Id",
      name: "",
      description: "",
      weight: "0",
      min: "1",
      max: "3",
      levels: ["a", "b", ""],
    });
    const result = validate(RubricInputSchema, [good, bad, good], tId);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors["1.id"]).toBe("Hanya huruf kecil, angka, dan tanda hubung");
    expect(result.errors["1.name"]).toBe("Wajib diisi");
    expect(result.errors["1.weight"]).toBe("Harus lebih dari 0");
    expect(result.errors[""]).toBe("ID kriteria tidak boleh kembar");
  });

  it("sums weights as typed, ignoring what is not a positive number", () => {
    expect(
      totalWeight([{ weight: "30" }, { weight: "2,5" }, { weight: "x" }, { weight: "-1" }]),
    ).toBe(32.5);
    expect(slugify("Nilai Manfaat (Publik)")).toBe("nilai-manfaat-publik");
    expect(slugify("Keberlanjutan Sistem é")).toBe("keberlanjutan-sistem-e");
  });

  it("requires a coordinator on the panel", () => {
    const result = validate(PanelInputSchema, [{ email: "a@b.id", role: "reviewer" }], tId);
    expect(!result.ok && result.errors[""]).toBe(
      "Tim penilai harus memiliki paling sedikit satu koordinator",
    );
    const email = validate(PanelInputSchema, [{ email: "nope", role: "coordinator" }], tId);
    expect(!email.ok && email.errors["0.email"]).toBe("Harus alamat email yang valid");
  });
});

describe("budget with cents", () => {
  it("tells cents apart from other unreadable amounts", () => {
    for (const text of [
      "1.500.000,50",
      "Rp 1.500.000,5",
      "1,500,000.75",
      "1500000,5",
      "rp.2.000,01",
    ]) {
      expect(hasRupiahCents(text), text).toBe(true);
    }
    for (const text of [
      "1.500.000",
      "1.500.000,00",
      "1.500.000,-",
      "1500000",
      "abc",
      "1,5 juta",
      "",
    ]) {
      expect(hasRupiahCents(text), text).toBe(false);
    }
  });
});

describe("ranking helpers", () => {
  it("adds a UTF-8 byte order mark once", () => {
    expect(csvForDownload("a;b")).toBe("\ufeffa;b");
    expect(csvForDownload("\ufeffa;b")).toBe("\ufeffa;b");
  });
});

describe("field messages", () => {
  it("calls a blank field required, whatever rule it fails", () => {
    const result = validate(
      QuickwinInputSchema,
      quickwinPayload({ ...emptyQuickwinDraft("Dinkes"), name: "X", dimension: "living" }),
      tId,
    );
    expect(!result.ok && result.errors).toMatchObject({
      startDate: "Wajib diisi",
      endDate: "Wajib diisi",
      budget: "Wajib diisi",
    });
    const bad = validate(
      QuickwinInputSchema,
      quickwinPayload({
        ...emptyQuickwinDraft("Dinkes"),
        name: "X",
        dimension: "living",
        startDate: "2019-02-30",
        endDate: "2019-03-01",
        budget: "5",
      }),
      tEn,
    );
    expect(!bad.ok && bad.errors.startDate).toBe("Must be a valid date (YYYY-MM-DD)");
  });
});

describe("values as google.script.run may deliver them", () => {
  it("a quickwin whose optional fields arrive as null fills the form as if they were absent", () => {
    const q = {
      id: "QW-001",
      name: "Satrio",
      agency: "Dinkes",
      dimension: "economy",
      description: "",
      startDate: "2019-09-05",
      endDate: "2019-10-05",
      budget: 0,
      beneficiaries: null,
      stage: null,
      evidenceUrl: null,
    } as unknown as Parameters<typeof draftOfQuickwin>[0];
    const draft = draftOfQuickwin(q);
    expect(draft.beneficiaries).toBe("");
    expect(draft.stage).toBe("");
    expect(draft.evidenceUrl).toBe("");
    expect(JSON.stringify(draft)).not.toMatch(/null/);
  });

  it("a panel member whose name and agency arrive as null fills the form with blanks", () => {
    const m = {
      email: "a@x.id",
      name: null,
      agency: null,
      role: "reviewer",
    } as unknown as Parameters<typeof draftOfMember>[0];
    expect(draftOfMember(m)).toEqual({ email: "a@x.id", name: "", agency: "", role: "reviewer" });
  });
});
