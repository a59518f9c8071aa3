// The "done when", through the preview's HTTP RPC exactly as the sidebar calls it: a
// panel set up, quickwins entered, reviews by each reviewer, computeRanking equal to the
// engine's result, bad input refused with unchanged sheets, verbatim text, a burst of
// simultaneous submissions losing nothing, and X-Service-Calls within budget.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rankQuickwins } from "../../src/core/ranking";
import { type Preview, startPreview } from "../../src/preview/server";

const COORD = "kominfo@patikab.go.id";
const REVIEWERS = Array.from({ length: 5 }, (_, i) => `penilai${i + 1}@patikab.go.id`);
let preview: Preview;
let dir: string;

async function rpc(name: string, args: unknown[], user: string, locale = "id") {
  const r = await fetch(new URL(`/rpc/${name}`, preview.url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ args, user, locale }),
  });
  const body = (await r.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  return { ...body, calls: Number(r.headers.get("x-service-calls")) };
}

async function sheets(): Promise<{ name: string; values: unknown[][] }[]> {
  const r = await fetch(new URL("/preview/sheets", preview.url));
  return ((await r.json()) as { sheets: { name: string; values: unknown[][] }[] }).sheets;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "qw-rpc-"));
  preview = await startPreview({
    port: 0,
    demo: false,
    dataFile: join(dir, "wb.json"),
    owner: COORD,
    log: () => {},
  });
});
afterAll(async () => {
  await preview?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("through the preview RPC", () => {
  it("runs a whole assessment and ranks exactly as the engine", async () => {
    expect((await rpc("setupSpreadsheet", [], COORD)).ok).toBe(true);
    const panel = [
      { email: COORD, role: "coordinator" },
      ...REVIEWERS.map((email, i) => ({
        email,
        role: "reviewer",
        agency: i === 0 ? "Dinkes" : undefined,
      })),
    ];
    expect((await rpc("saveReviewers", [panel], COORD)).ok).toBe(true);
    expect((await rpc("saveSettings", [{ bootstrapResamples: 200 }], COORD)).ok).toBe(true);
    const names = [
      "Satrio Pasar",
      "Sipipa",
      '=HYPERLINK("https://patikab.go.id";"Portal")',
      "007",
      "+62 812",
    ];
    for (const [i, name] of names.entries()) {
      const r = await rpc(
        "saveQuickwin",
        [
          {
            name,
            agency: i === 1 ? "Dinkes" : `OPD ${i}`,
            dimension: "governance",
            description: "2019-09-05",
            startDate: "2019-09-01",
            endDate: "2019-10-31",
            budget: 1_000_000 * (i + 1),
          },
        ],
        REVIEWERS[i % REVIEWERS.length]!,
      );
      expect(r.ok, JSON.stringify(r)).toBe(true);
      expect(r.calls).toBeLessThanOrEqual(25);
    }
    const state = (await rpc("getSidebarState", [], COORD)).value as {
      criteria: { id: string }[];
      quickwins: { id: string; name: string }[];
    };
    expect(state.quickwins.map((q) => q.name)).toEqual(names);
    const ids = state.criteria.map((c) => c.id);
    // A burst: every reviewer submits for every quickwin at once.
    const burst = await Promise.all(
      REVIEWERS.flatMap((email, r) =>
        state.quickwins.map((q, k) =>
          rpc(
            "submitReview",
            [
              {
                quickwinId: q.id,
                scores: Object.fromEntries(ids.map((c, j) => [c, 1 + ((r + k + j) % 5)])),
                comment: `${email}/${q.id}`,
              },
            ],
            email,
          ),
        ),
      ),
    );
    const okCount = burst.filter((b) => b.ok).length;
    for (const b of burst)
      if (!b.ok) expect(b.error!.message).toMatch(/OPD yang sama|Sedang sibuk/);
    const ledger = (await sheets()).find((s) => s.name === "Penilaian")!.values.slice(1);
    expect(ledger).toHaveLength(okCount);
    expect(new Set(ledger.map((r) => r[6])).size).toBe(okCount);
    expect(burst.filter((b) => !b.ok).every((b) => /OPD yang sama/.test(b.error!.message))).toBe(
      true,
    );
    const result = await rpc("computeRanking", [], COORD);
    expect(result.ok).toBe(true);
    // DESIGN §8: at most 25 (the highlight is setup's conditional-format rule, no colours).
    expect(result.calls).toBeLessThanOrEqual(25);
    const full = (await rpc("getSidebarState", [], COORD)).value as {
      criteria: never[];
      quickwins: Record<string, unknown>[];
      panel: never[];
      settings: never;
    };
    const expected = rankQuickwins({
      criteria: full.criteria,
      quickwins: full.quickwins.map(({ status, agencyConflict, editable, ...q }) => {
        void [status, agencyConflict, editable];
        return q;
      }) as never,
      reviewers: full.panel,
      reviews: ledger.map((r) => ({
        submittedAt: String(r[1]),
        quickwinId: String(r[2]),
        reviewer: String(r[3]),
        scores: JSON.parse(String(r[5])),
        comment: String(r[6]),
        declaredConflict: r[7] === "ya",
      })),
      settings: full.settings,
      locale: "id",
    } as never);
    const {
      rowProblems,
      computedAt,
      ledger: check,
      ...rest
    } = result.value as Record<string, unknown>;
    void computedAt;
    expect(check).toMatchObject({ sealed: okCount, tampered: [], gaps: [] });
    expect(rowProblems).toEqual([]);
    expect(rest).toEqual(JSON.parse(JSON.stringify(expected)));
    const ranking = (await sheets()).find((s) => s.name === "Peringkat")!.values;
    expect(
      ranking
        .slice(1, 1 + names.length)
        .map((r) => r[2])
        .sort(),
    ).toEqual([...names].sort());
  }, 180_000);

  it("refuses bad input with a plain message and unchanged sheets", async () => {
    const before = JSON.stringify(await sheets());
    const bad: [string, unknown[], string][] = [
      [
        "submitReview",
        [{ quickwinId: "QW-001", scores: { x: 1 }, reviewer: REVIEWERS[1] }],
        REVIEWERS[2]!,
      ],
      ["submitReview", [{ quickwinId: "QW-001", scores: {} }], "penyusup@gmail.com"],
      ["saveQuickwin", [{ name: "x" }], REVIEWERS[0]!],
      ["saveSettings", [{ shortlistSize: -1 }], COORD],
      ["saveSettings", [{ shortlistSize: 2 }], REVIEWERS[0]!],
      ["computeRanking", [], REVIEWERS[0]!],
      ["saveCriteria", [[]], COORD],
      ["saveReviewers", [[{ email: COORD, role: "reviewer" }]], COORD],
    ];
    for (const [name, args, user] of bad) {
      const r = await rpc(name, args, user);
      expect(r.ok, name).toBe(false);
      expect(r.error!.message).not.toMatch(/Error:|TypeError|\n\s+at /);
    }
    expect(JSON.stringify(await sheets())).toBe(before);
  });
});
