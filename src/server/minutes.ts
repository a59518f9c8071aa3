// exportMinutes (DESIGN §5): the berita acara of the panel's meeting, a page printed on A4 and
// signed. Title; the day and date in words and the place; the members present; the method in
// one sentence; the computed shortlist with scores, ranges and flags; the decisions with their
// reasons; the ledger's length; signature lines. The sheet's columns are sized for A4 at its
// creation (setup.ts); long sentences are broken into lines here, each a row of its own that
// runs across the page, so the printout never depends on row heights of wrapped cells.
import { type Decision, MinutesInputSchema } from "../core/decision";
import { UserError } from "../core/errors";
import { formatDate, formatDecimal, formatInteger } from "../core/format";
import type { Translate } from "../core/i18n";
import { identityKey } from "../core/identity";
import type { Flag, PanelMember } from "../core/schemas";
import type { Locale, RankResult, RankRow } from "../core/types";
import { dateInWords } from "../core/words";
import { check, loadWorld, rank, requireCoordinator, type World } from "./api";
import { dateInZone } from "./cells";
import { decisionsSheetName, latestDecisions, readDecisionsInForce } from "./decisions";
import { MINUTES_ROWS, type MinutesLine, quoted, SPECS } from "./layout";
import { type Context, isTransient } from "./runtime";
import { ensureSheet } from "./setup";
import { placeRow, type Table } from "./table";

export interface MinutesResult {
  sheetName: string;
  decisions: number;
  present: number;
}

type Key = Parameters<Translate>[0];

/** Characters per printed line across the page (Arial 10 over ≈ 680 px). */
export const LINE_CHARS = 105;

/** Breaks a sentence into lines of at most `max` characters (a longer word stands alone). */
export function breakLines(text: string, max = LINE_CHARS): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= max) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  return lines.length > 0 ? lines : [""];
}

export interface MinutesInputData {
  t: Translate;
  locale: Locale;
  /** The meeting's date, "YYYY-MM-DD" in the spreadsheet's time zone. */
  date: string;
  place: string;
  present: PanelMember[];
  coordinator: PanelMember;
  world: Pick<World, "quickwins" | "criteria" | "settings">;
  result: RankResult;
  decisions: Decision[];
  /** The verified ledger as printed: its length and last seal, to check the paper later. */
  ledger: { length: number; lastSeal: string };
}

const OPENING_LINES = 3;

/**
 * The page: a title block (rows 1–7: title, subtitle, the opening sentence on up to three
 * lines, the table's heading), the table's header at row 8 (the layout's), one row per quickwin
 * of the computed shortlist or decided on, then the outcome, the method, those present, the
 * ledger, the closing and the signatures as lines in the first column. Headings are written in
 * capitals (one setValues writes the page; no per-row formatting).
 */
export function minutesBlock(table: Table, m: MinutesInputData): unknown[][] {
  const { t, locale } = m;
  const spec = SPECS.minutes;
  const first = table.columns.no ?? 0;
  const values: unknown[][] = [];
  const line = (text: string) => {
    const row: unknown[] = new Array(table.width).fill(undefined);
    row[first] = text;
    values.push(row);
  };
  const text = (sentence: string, heading = false) => {
    for (const l of breakLines(heading ? sentence.toLocaleUpperCase(locale) : sentence)) line(l);
  };
  text(t("minutes.title"), true);
  text(t("minutes.subtitle"), true);
  line("");
  const opening = breakLines(
    t("minutes.opening", {
      date: dateInWords(m.date, locale),
      place: m.place || t("minutes.placeBlank"),
    }),
  );
  // The opening fills rows 4–6 (a longer one goes on below the table, never over its header).
  opening.slice(0, OPENING_LINES).forEach(line);
  while (values.length < 3 + OPENING_LINES) line("");
  text(t("minutes.tableHeading"), true);
  values.push(
    placeRow(table, spec, {
      no: t("col.no"),
      name: t("col.name"),
      agency: t("col.agency"),
      score: t("col.score"),
      rankRange: t("col.rankRange"),
      decision: t("col.decision"),
      reason: t("col.reason"),
    } as unknown as MinutesLine).map((c) =>
      typeof c === "string" ? c.toLocaleUpperCase(locale) : c,
    ),
  );
  const lines = tableLines(m);
  for (const l of lines) values.push(placeRow(table, spec, l));
  if (lines.length === 0) text(t("minutes.noShortlist"));
  if (opening.length > OPENING_LINES) text(opening.slice(OPENING_LINES).join(" "));
  const chosen = lines.filter((l) => l.selected);
  line("");
  text(
    m.decisions.length === 0
      ? t("minutes.noDecisions")
      : t("minutes.outcome", {
          n: chosen.length,
          names: chosen.map((l) => l.quickwinName).join(", ") || "–",
        }),
  );
  line("");
  text(t("minutes.methodHeading"), true);
  text(
    t("minutes.method", {
      criteria: m.world.criteria.items.length,
      minReviews: m.world.settings.minReviews,
      // What calibration actually did (auto may correct ranges too), not the nearest mode's name.
      normalization: t(`method.${m.result.calibration.method}` as Key),
      // "1.000 simulasi" (en: "1,000"), as every number a person reads here.
      resamples: formatInteger(m.world.settings.bootstrapResamples, locale),
      size: m.world.settings.shortlistSize,
    }),
  );
  line("");
  text(t("minutes.present", { n: m.present.length }), true);
  m.present.forEach((p, i) => {
    const who = [p.name || p.email, p.agency].filter(Boolean).join(", ");
    text(`${i + 1}. ${who} — ${t(`role.${p.role}` as Key)}`);
  });
  line("");
  text(t("minutes.ledgerHeading"), true);
  text(t("minutes.ledger", { n: m.ledger.length, seal: m.ledger.lastSeal || "—" }));
  line("");
  text(t("minutes.closing"));
  line("");
  text(`${m.place || t("minutes.placeBlank")}, ${formatDate(m.date, locale)}`);
  text(t("minutes.coordinatorSigns"), true);
  line("");
  line("");
  line(`( ${m.coordinator.name || m.coordinator.email} )`);
  line("");
  text(t("minutes.membersSign"), true);
  m.present
    .filter((p) => p.email !== m.coordinator.email)
    .forEach((p, i) => {
      line("");
      line(`${i + 1}. ${p.name || p.email} ........................................`);
    });
  return values;
}

/** The table: the computed shortlist in rank order, then the other quickwins decided on. */
function tableLines(
  m: MinutesInputData,
): (MinutesLine & { selected: boolean; quickwinName: string })[] {
  const { t, locale } = m;
  const byId = new Map(m.world.quickwins.items.map((q) => [q.id, q]));
  const decided = latestDecisions(m.decisions);
  const ids = [
    ...m.result.shortlist,
    ...m.result.rows
      .map((r) => r.quickwinId)
      .filter((id) => !m.result.shortlist.includes(id) && decided.has(identityKey(id))),
  ];
  const rows = new Map(m.result.rows.map((r) => [r.quickwinId, r]));
  return ids.map((id, i) => {
    const q = byId.get(id);
    const r = rows.get(id);
    const d = decided.get(identityKey(id));
    const flags = (r?.flags ?? []).map((f: Flag) => t(`flag.${f}` as Key));
    const computed = m.result.shortlist.includes(id);
    // A decision records whether the ranking of its moment shortlisted the quickwin: when that
    // differs from the ranking now, reviews came in since and it was taken on an outdated one.
    const notes = d
      ? [
          d.departs ? t("minutes.departs") : "",
          d.computed !== computed ? t("minutes.outdated") : "",
        ].filter(Boolean)
      : [];
    const decision = d
      ? `${t(d.decision === "selected" ? "decision.selected" : "decision.notSelected")}${
          notes.length > 0 ? ` (${notes.join("; ")})` : ""
        }`
      : t("minutes.undecided");
    return {
      no: i + 1,
      name: [q?.name ?? id, ...flags.map((f) => `⚑ ${f}`)].join("\n"),
      agency: q?.agency ?? "",
      score: r?.score === null || r?.score === undefined ? "" : formatDecimal(r.score, 1, locale),
      rankRange: rankRangeText(r),
      decision: computed ? decision : `${decision}`,
      reason: d?.reason ?? "",
      selected: d?.decision === "selected",
      // The name alone, for the sentence that names the selection (the cell adds the flags).
      quickwinName: q?.name ?? id,
    };
  });
}

function rankRangeText(r: RankRow | undefined): string {
  if (!r || r.rankLow === null || r.rankHigh === null) return "";
  return r.rankLow === r.rankHigh ? String(r.rankLow) : `${r.rankLow}–${r.rankHigh}`;
}

/** The page in the layout's own columns (the minutes page is the add-on's, made so). */
function layoutTable(): Table {
  const columns = Object.fromEntries(SPECS.minutes.columns.map((c, i) => [c.key, i]));
  const width = SPECS.minutes.columns.length;
  return {
    key: "minutes",
    name: "",
    values: [],
    headerRow: SPECS.minutes.headerRow,
    columns,
    width,
    lastRow: 0,
  };
}

/**
 * Writes the whole page, all MINUTES_ROWS rows, with one setValues (so nothing of a longer
 * earlier page stays) — three calls, no read. The page is made by setup; one deleted or damaged
 * by hand (a deleted column makes the range fail) is remade or repaired first, as setup would
 * (a one-time cost of that repair).
 */
function writePage(ctx: Context, values: unknown[][]): void {
  const width = SPECS.minutes.columns.length;
  const block = values.map((r) => r.map((v) => (v === undefined || v === null ? "" : quoted(v))));
  while (block.length < MINUTES_ROWS) block.push(new Array(width).fill(""));
  const write = () => {
    const sheet = ctx.sheet("minutes");
    if (!sheet) return false;
    ctx.retry(() => sheet.getRange(1, 1, MINUTES_ROWS, width).setValues(block));
    return true;
  };
  try {
    if (write()) return;
  } catch (error) {
    if (isTransient(error)) throw error;
  }
  ensureSheet(ctx, "minutes");
  if (!write()) throw new Error("minutes page unavailable");
}

export function handleExportMinutes(ctx: Context, input: unknown): MinutesResult {
  const options = check(MinutesInputSchema, input ?? {}, ctx, "field.minutes");
  ctx.email();
  return ctx.withLock(
    () => {
      const { panel, member } = requireCoordinator(ctx);
      const world = loadWorld(ctx, panel);
      const result = rank(ctx, world);
      const wanted = options.present ? new Set(options.present.map(identityKey)) : null;
      const present = panel.items.filter((p) => !wanted || wanted.has(identityKey(p.email)));
      // Minutes signed by nobody record no meeting: a list that names no member is refused.
      if (present.length === 0) throw new UserError(ctx.t("err.nobodyPresent"));
      const known = new Set(world.quickwins.items.map((q) => q.id));
      const decisions = readDecisionsInForce(ctx, known);
      // Minutes without the panel's decisions would read "nothing decided": refused instead.
      if (decisions === null) {
        throw new UserError(
          ctx.t("err.decisionsUnreadable", { sheet: decisionsSheetName(ctx, ctx.sheetT()) }),
        );
      }
      const values = minutesBlock(layoutTable(), {
        t: ctx.sheetT(),
        locale: ctx.registry()?.locale ?? "id",
        // The zone as the sidebar's state last noted it (runtime.ts knownTimeZone): no extra call.
        date: dateInZone(new Date(), ctx.knownTimeZone()),
        place: options.place ?? "",
        present,
        coordinator: member,
        world,
        result,
        decisions,
        ledger: world.ledger.check,
      });
      if (values.length > MINUTES_ROWS) throw new UserError(ctx.t("err.minutesTooLong"));
      writePage(ctx, values);
      ctx.log({ decisions: decisions.length, present: present.length });
      const sheetName = ctx.registry()?.sheets.minutes?.name ?? ctx.sheetName("minutes");
      return { sheetName, decisions: decisions.length, present: present.length };
      // Its last step: the lock may stay held to the end of the execution (no release call).
    },
    { last: () => true },
  );
}
