// The add-on shell: menu, sidebar and the self-check's report.
import { translator } from "../core/i18n";
import type { Locale } from "../core/types";
import { readAgencies } from "./agencies";
import { serve } from "./api";
import { Context } from "./runtime";
import { handleSelfCheck } from "./self-check";

/** The user's locale (with retries), or Indonesian where it cannot be read. */
function userLocale(): Locale {
  return new Context("locale").locale();
}

/**
 * Builds the add-on menu. In AuthMode.NONE (installed, not yet used in this document) only
 * createAddonMenu is allowed, so the locale is not read there.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  // Compared by name: Apps Script's enums print as their names, and an event that was
  // serialized on its way (as in the preview) carries the name itself.
  const locale = e && String(e.authMode) === "NONE" ? ("id" as Locale) : userLocale();
  const t = translator(locale);
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(t("menu.open"), "showSidebar")
    .addItem(t("menu.check"), "showSelfCheck")
    .addToUi();
}

/**
 * A person's edit (Sheets' simple onEdit trigger; AuthMode.LIMITED where the add-on is in use):
 * an edit of the agency list brings its index in the document properties up to date at once,
 * so the ranking functions — which resolve agencies through that index, having no call to
 * spare for the sheet — follow an alias typed by hand. Any other edit costs four calls (the
 * registry, the edited sheet's id); a trigger has no one to tell, so nothing here throws.
 */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e?.range || String(e.authMode) === "NONE") return;
  try {
    const ctx = new Context("onEdit");
    const entry = ctx.registry()?.sheets.agencies;
    if (!entry || typeof entry.id !== "number") return;
    if (e.range.getSheet().getSheetId() !== entry.id) return;
    readAgencies(ctx);
  } catch (error) {
    console.error(`onEdit: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** The placeholder in sidebar.html that carries boot data (the locale) into the page. */
export const BOOT_PLACEHOLDER = '{"locale":"id"}';

/** JSON safe to place inside a <script> element. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028|\u2029/g, (c) => (c === "\u2028" ? "\\u2028" : "\\u2029"));
}

export function sidebarHtml(locale: Locale): string {
  const template = HtmlService.createHtmlOutputFromFile("sidebar").getContent();
  return template.replace(BOOT_PLACEHOLDER, () => scriptSafeJson({ locale }));
}

export function showSidebar(): void {
  const locale = userLocale();
  const output = HtmlService.createHtmlOutput(sidebarHtml(locale))
    .setTitle(translator(locale)("app.title"))
    .setWidth(300);
  SpreadsheetApp.getUi().showSidebar(output);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The menu's "Periksa add-on": runs selfCheck and shows its report as plain text the
 * coordinator can select and copy (a read-only text box in a dialog); a refusal as an alert.
 */
export function showSelfCheck(): void {
  const locale = userLocale();
  const t = translator(locale);
  const ui = SpreadsheetApp.getUi();
  let text: string;
  try {
    text = serve("selfCheck", [], 0, (ctx) => handleSelfCheck(ctx)).text;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ui.alert(t("menu.check"), t("check.failed", { message }), ui.ButtonSet.OK);
    return;
  }
  const html =
    '<textarea readonly style="width:100%;height:330px;font:13px/1.4 monospace;box-sizing:border-box">' +
    `${escapeHtml(text)}</textarea>`;
  const output = HtmlService.createHtmlOutput(html).setWidth(560).setHeight(380);
  ui.showModalDialog(output, t("menu.check"));
}
