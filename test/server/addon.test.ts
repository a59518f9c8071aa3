// The add-on shell (issue 2): the menu in AuthMode.NONE touches nothing but the add-on menu,
// onInstall builds the same menu, and the sidebar opens titled in the user's language.
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../src/preview/emulator";
import { loadServer } from "../../src/preview/script-host";

function recordCalls(locale: string, name: string, args: unknown[]) {
  const emulator = createEmulator();
  const rt = loadServer({ emulator });
  const methods: string[] = [];
  emulator.onServiceCall((info) => {
    methods.push(info.method);
  });
  const result = rt.call(name, args, { email: "kepala@patikab.go.id", locale });
  emulator.onServiceCall(null);
  return { emulator, methods, result };
}

describe("the add-on menu", () => {
  it("in AuthMode.NONE only builds the add-on menu: no Session, properties or sheets", () => {
    const { emulator, methods, result } = recordCalls("en_US", "onOpen", [{ authMode: "NONE" }]);
    expect(result.ok).toBe(true);
    expect(methods.length).toBeGreaterThan(0);
    for (const method of methods) {
      expect(method, method).toMatch(/^(SpreadsheetApp\.getUi|Ui\.createAddonMenu|Menu\.\w+)$/);
    }
    // The locale cannot be read there: the menu speaks Indonesian, the add-on's first language.
    expect(emulator.ui.menus).toEqual([
      expect.objectContaining({
        kind: "addon",
        items: [
          expect.objectContaining({
            caption: "Buka Penilaian Quickwin",
            functionName: "showSidebar",
          }),
          expect.objectContaining({ caption: "Periksa add-on", functionName: "showSelfCheck" }),
        ],
      }),
    ]);
  });

  it("with authorization speaks the user's language", () => {
    const { emulator, result } = recordCalls("en_US", "onOpen", [{ authMode: "FULL" }]);
    expect(result.ok).toBe(true);
    expect(emulator.ui.menus[0]?.items[0]).toMatchObject({
      caption: "Open Quickwin Assessment",
      functionName: "showSidebar",
    });
  });

  it("onInstall builds the same menu as onOpen", () => {
    const { emulator, result } = recordCalls("id", "onInstall", [{ authMode: "FULL" }]);
    expect(result.ok).toBe(true);
    expect(emulator.ui.menus).toHaveLength(1);
    expect(emulator.ui.menus[0]?.items[0]).toMatchObject({
      caption: "Buka Penilaian Quickwin",
      functionName: "showSidebar",
    });
  });
});

describe("showSidebar", () => {
  it.each([
    ["id", "Penilaian Quickwin", '{"locale":"id"}'],
    ["in_ID", "Penilaian Quickwin", '{"locale":"id"}'],
    ["en_GB", "Quickwin Assessment", '{"locale":"en"}'],
  ])("for locale %s opens a 300 px sidebar titled %s", (locale, title, boot) => {
    const { emulator, result } = recordCalls(locale, "showSidebar", []);
    expect(result.ok).toBe(true);
    expect(emulator.ui.sidebars).toHaveLength(1);
    const sidebar = emulator.ui.sidebars[0]!;
    expect(sidebar.title).toBe(title);
    expect(sidebar.width).toBe(300);
    expect(sidebar.html).toContain(`<script id="qw-boot" type="application/json">${boot}</script>`);
  });
});
