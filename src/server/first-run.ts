// What only the first setup does to the spreadsheet itself, so the sheets read the way the
// coordinator reads (DESIGN §2, §5): its locale follows the coordinator's language (id_ID, or
// an English one), its time zone is Indonesian (WIB unless already WIB, WITA or WIT), the
// self-check measures how this spreadsheet keeps text, and the empty default first tab
// ("Sheet1", "Lembar1") is removed once the add-on's sheets exist.
import type { Locale } from "../core/types";
import type { Context, Registry } from "./runtime";
import { probeSpreadsheet, type SelfCheckFindings } from "./self-check";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Indonesia's zones: WIB, WITA, WIT (Pontianak is WIB too). */
const INDONESIAN_ZONES = ["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"];
export const DEFAULT_ZONE = "Asia/Jakarta";
/** The names Sheets gives the first tab of a new spreadsheet, in the languages we meet. */
const DEFAULT_TAB = /^(sheet|lembar)\s?1$/i;

/** The spreadsheet's tabs and their names (one call, and one per tab: few on a first run). */
export interface Tabs {
  sheets: Sheet[];
  names: Set<string>;
  nameOf: Map<Sheet, string>;
}

export function listTabs(ctx: Context): Tabs {
  const sheets = ctx.retry(() => ctx.ss().getSheets());
  const nameOf = new Map(sheets.map((s) => [s, ctx.retry(() => s.getName())] as const));
  return { sheets, names: new Set(nameOf.values()), nameOf };
}

export interface FirstRun {
  locale: { from: string; to: string };
  timeZone: { from: string; to: string };
  /** The empty default tab found before the add-on's sheets were made (removed at the end). */
  emptyDefault: Sheet | null;
}

/** The spreadsheet locale for a coordinator's language (an English one is kept as it is). */
function spreadsheetLocale(current: string, language: Locale): string {
  if (language === "en") return /^en(_|$)/i.test(current) ? current : "en_US";
  return /^(id|in)_ID$/i.test(current) ? current : "id_ID";
}

/** Sets the locale and time zone, and notes an empty default tab. Before any sheet is made. */
export function prepareFirstRun(ctx: Context, language: Locale, tabs: Tabs): FirstRun {
  const ss = ctx.ss();
  const fromLocale = ctx.retry(() => ss.getSpreadsheetLocale());
  const toLocale = spreadsheetLocale(fromLocale, language);
  if (toLocale !== fromLocale) ctx.retry(() => ss.setSpreadsheetLocale(toLocale));
  const fromZone = ctx.timeZone();
  const toZone = INDONESIAN_ZONES.includes(fromZone) ? fromZone : DEFAULT_ZONE;
  if (toZone !== fromZone) {
    ctx.retry(() => ss.setSpreadsheetTimeZone(toZone));
    ctx.rememberTimeZone(toZone);
  }
  let emptyDefault: Sheet | null = null;
  if (tabs.sheets.length === 1) {
    const only = tabs.sheets[0]!;
    if (DEFAULT_TAB.test(tabs.nameOf.get(only) ?? "") && ctx.retry(() => only.getLastRow()) === 0)
      emptyDefault = only;
  }
  return {
    locale: { from: fromLocale, to: toLocale },
    timeZone: { from: fromZone, to: toZone },
    emptyDefault,
  };
}

/**
 * The self-check, run once the sheets exist (its finding goes into the registry); a probe
 * sheet it could not remove joins `inserted`, the sheets setup removes if it fails.
 */
export function checkFirstRun(ctx: Context, run: FirstRun, inserted: Sheet[]): SelfCheckFindings {
  return probeSpreadsheet(ctx, run.locale.to, (sheet) => inserted.push(sheet));
}

/**
 * Removes the empty default tab (after the commit). If that fails, the registry remembers the
 * tab so the next setup removes it (best effort: an empty tab is harmless to keep).
 */
export function finishFirstRun(ctx: Context, run: FirstRun): boolean {
  const tab = run.emptyDefault;
  if (!tab) return false;
  try {
    ctx.retry(() => ctx.ss().deleteSheet(tab));
    return true;
  } catch {
    try {
      const registry = ctx.registry();
      const id = ctx.retry(() => tab.getSheetId());
      if (registry) ctx.saveRegistry({ ...registry, defaultTab: id });
    } catch {
      // the tab stays; it is empty
    }
    return false;
  }
}

/**
 * A re-run's part of an unfinished first run: the default tab left behind is removed if it is
 * still there and still empty. Whether it was removed; `registry` loses the note either way.
 */
export function finishLeftDefault(ctx: Context, registry: Registry): boolean {
  const id = registry.defaultTab;
  if (id === undefined) return false;
  delete registry.defaultTab;
  const ss = ctx.ss();
  const tab = ctx.retry(() => ss.getSheetById(id));
  if (!tab || ctx.retry(() => tab.getLastRow()) !== 0) return false;
  ctx.retry(() => ss.deleteSheet(tab));
  return true;
}
