// Dialogs a server function opens (Ui.showModalDialog) and the add-on menu, through the
// preview's HTTP endpoints; the page shows them (page.browser.test.ts).
import { describe, expect, it } from "vitest";
import { DIALOG_SCRIPT } from "./dialog-script";
import { send, start, tempFile } from "./http-support";

describe("dialogs in the preview", () => {
  it("the newest dialog a call opened is announced and served with the shim", async () => {
    const p = await start({ dataFile: tempFile(), demo: false, code: DIALOG_SCRIPT });
    expect((await send(p, "GET", "/preview/dialog")).data).toEqual({ dialog: null });
    const r = await send(p, "POST", "/rpc/showMeeting", { body: { user: "dina@bappeda.id" } });
    expect(r.data).toEqual({ ok: true, value: null });
    expect((await send(p, "GET", "/preview/dialog")).data).toEqual({
      dialog: { id: 1, title: "Rapat panel", width: 520, height: 320, modal: true },
    });
    const page = await send(p, "GET", "/dialog/1?user=dina%40bappeda.id&locale=en");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    const html = String(page.data);
    // The shim comes before the dialog's own script, for the user and locale asked.
    expect(html.indexOf("window.google.script")).toBeGreaterThan(-1);
    expect(html.indexOf("window.google.script")).toBeLessThan(html.indexOf("whoAmI"));
    expect(html).toContain('"user":"dina@bappeda.id"');
    expect(html).toContain('"locale":"en"');
    expect((await send(p, "GET", "/dialog/2")).status).toBe(404);
    expect((await send(p, "GET", "/dialog/x")).status).toBe(404);
  });

  it("the add-on menu is what onOpen builds", async () => {
    const p = await start({ dataFile: tempFile(), demo: false, code: DIALOG_SCRIPT });
    expect((await send(p, "GET", "/preview/menu?user=a%40x.id&locale=id")).data).toEqual({
      menu: {
        caption: "",
        items: [
          { caption: "Buka rapat", functionName: "showMeeting" },
          { separator: true },
          { caption: "Buka sidebar", functionName: "showSidebar" },
        ],
      },
    });
  });
});
