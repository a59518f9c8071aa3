// The Ui: menus, alerts, the sidebar and dialogs (recorded, so the preview can show them).
import { type Core, Emulated } from "./core";
import { Button, ButtonSet, enumName } from "./enums";
import { HtmlOutputObj } from "./html";

export interface UiRecord {
  alerts: { title: string; prompt: string; buttons: string | null }[];
  sidebars: { title: string; html: string; width?: number }[];
  dialogs: { title: string; html: string; modal: boolean; width?: number; height?: number }[];
  menus: { kind: "addon" | "menu"; caption: string; items: MenuItem[] }[];
}

export type MenuItem =
  | { caption: string; functionName: string }
  | { separator: true }
  | { caption: string; submenu: MenuItem[] };

export class UiObj extends Emulated {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(
    core: Core,
    readonly _record: UiRecord,
  ) {
    super(core, "Ui");
  }
  createAddonMenu(): MenuObj {
    return new MenuObj(this._core, this._record, "addon", "");
  }
  showSidebar(output: unknown): void {
    const o = this._output(output, "Ui.showSidebar");
    const entry: { title: string; html: string; width?: number } = {
      title: o._title,
      html: o._content,
    };
    if (o._width !== undefined) entry.width = o._width;
    this._record.sidebars.push(entry);
  }
  showModalDialog(output: unknown, title: string): void {
    this._dialog(output, title, true);
  }
  showModelessDialog(output: unknown, title: string): void {
    this._dialog(output, title, false);
  }
  _dialog(output: unknown, title: string, modal: boolean): void {
    const o = this._output(output, "Ui.showModalDialog");
    const d: UiRecord["dialogs"][number] = { title: String(title), html: o._content, modal };
    if (o._width !== undefined) d.width = o._width;
    if (o._height !== undefined) d.height = o._height;
    this._record.dialogs.push(d);
  }
  _output(output: unknown, method: string): HtmlOutputObj {
    if (!(output instanceof HtmlOutputObj)) {
      throw this._core.badParameters("Object", method);
    }
    return output;
  }
  alert(a: unknown, b?: unknown, c?: unknown): unknown {
    // alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons)
    let title = "";
    let prompt = "";
    let buttons: string | null = null;
    if (c !== undefined) {
      title = String(a);
      prompt = String(b);
      buttons = enumName(c);
    } else if (b !== undefined && enumName(b) && typeof b === "object") {
      prompt = String(a);
      buttons = enumName(b);
    } else {
      prompt = String(a);
      if (b !== undefined) {
        title = String(a);
        prompt = String(b);
      }
    }
    this._record.alerts.push({ title, prompt, buttons });
    return buttons === "YES_NO" || buttons === "YES_NO_CANCEL" ? Button.YES : Button.OK;
  }
}

export class MenuObj extends Emulated {
  readonly _items: MenuItem[] = [];
  constructor(
    core: Core,
    readonly _record: UiRecord,
    readonly _menuKind: "addon" | "menu",
    readonly _caption: string,
  ) {
    super(core, "Menu");
  }
  addItem(caption: string, functionName: string): MenuObj {
    if (typeof functionName !== "string" || functionName === "") {
      throw this._core.badParameters("String", "Ui.Menu.addItem");
    }
    this._items.push({ caption: String(caption), functionName });
    return this;
  }
  addSeparator(): MenuObj {
    this._items.push({ separator: true });
    return this;
  }
  addToUi(): void {
    this._record.menus.push({
      kind: this._menuKind,
      caption: this._caption,
      items: structuredClone(this._items),
    });
  }
}
