// Dialogs and the add-on menu in the preview. A server function that calls
// Ui.showModalDialog / showModelessDialog (from the sidebar or a menu item) opens its HTML as
// Sheets does: over the grid, with the sidebar's google.script.run shim, closed by
// google.script.host.close(). The page asks for the newest dialog after every call.
import type { Emulator, MenuItem } from "./emulator";
import { previewSidebarHtml } from "./page";
import type { ServerRuntime } from "./script-host";

export interface DialogInfo {
  /** 1-based, in the order the server opened them. */
  id: number;
  title: string;
  width: number;
  height: number;
  modal: boolean;
}

/** Apps Script's default dialog size when the HtmlOutput sets none. */
const DEFAULT_WIDTH = 600;
const DEFAULT_HEIGHT = 400;

/** The newest dialog a server function opened, or null. */
export function latestDialog(emulator: Emulator): DialogInfo | null {
  const all = emulator.ui.dialogs;
  const d = all[all.length - 1];
  if (!d) return null;
  return {
    id: all.length,
    title: d.title,
    width: d.width || DEFAULT_WIDTH,
    height: d.height || DEFAULT_HEIGHT,
    modal: d.modal,
  };
}

/** A dialog's HTML with the shim for this user and locale, or null for an unknown id. */
export function dialogHtml(
  emulator: Emulator,
  id: number,
  user: string,
  locale: string,
): string | null {
  const d = Number.isInteger(id) && id >= 1 ? emulator.ui.dialogs[id - 1] : undefined;
  return d ? previewSidebarHtml(d.html, user, locale) : null;
}

/** The add-on menu as onOpen builds it for this user (it may open nothing in AuthMode.NONE). */
export function addonMenu(
  runtime: ServerRuntime,
  user: string,
  locale: string,
): { caption: string; items: MenuItem[] } | null {
  if (!runtime.functionNames().includes("onOpen")) return null;
  const menus = runtime.emulator.ui.menus;
  const before = menus.length;
  const r = runtime.call("onOpen", [{ authMode: "FULL" }], { email: user, locale });
  const menu = menus.length > before ? menus[menus.length - 1] : undefined;
  if (!r.ok || !menu) return null;
  return { caption: menu.caption, items: menu.items };
}
