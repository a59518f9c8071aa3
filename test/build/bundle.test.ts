// The bundle contract: what clasp pushes is exactly three files, and the server script is a
// classic script whose entry points are top-level functions, loadable without any service.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { sidebarDictionaries } from "../../src/client/i18n";
import { meetingViewEn } from "../../src/core/i18n/en/meeting-view";
import * as serverEntry from "../../src/server/main";

const root = join(import.meta.dirname, "../..");
const dist = (file: string) => join(root, "dist", file);

/** Globals that record any touch: loading the script must not use a service. */
function appsScriptGlobals(touched: string[]) {
  const service = (name: string) =>
    new Proxy(
      {},
      {
        get(_target, prop) {
          touched.push(`${name}.${String(prop)}`);
          return () => undefined;
        },
      },
    );
  const names = [
    "SpreadsheetApp",
    "HtmlService",
    "LockService",
    "PropertiesService",
    "Session",
    "ScriptApp",
    "Utilities",
    "Logger",
    "CacheService",
  ];
  return Object.fromEntries(names.map((n) => [n, service(n)]));
}

describe("dist/server.js", () => {
  const code = readFileSync(dist("server.js"), "utf8");
  const exported = Object.keys(serverEntry).sort();

  it("exports the add-on shell", () => {
    expect(exported).toEqual(expect.arrayContaining(["onInstall", "onOpen", "showSidebar"]));
  });

  it("loads as a classic script without calling any Apps Script service", () => {
    const touched: string[] = [];
    const context = vm.createContext({ ...appsScriptGlobals(touched), console });
    new vm.Script(code, { filename: "server.js" }).runInContext(context);
    expect(touched).toEqual([]);
    for (const name of exported) {
      expect(typeof context[name], name).toBe("function");
      // A top-level declaration, not an assignment: google.script.run only finds these.
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, "m"));
    }
  });

  it("keeps no module syntax and no require", () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).not.toMatch(/\bimport\(/);
  });

  it("is ES2019: no syntax newer than Apps Script's V8 accepts", () => {
    // Optional chaining, nullish coalescing and class fields are lowered by esbuild.
    expect(code).not.toMatch(/\?\.[A-Za-z_$[(]/);
    expect(code).not.toMatch(/[^?]\?\?[^?]/);
  });
});

describe.each(["sidebar.html", "meeting.html"])("dist/%s", (file) => {
  const html = readFileSync(dist(file), "utf8");
  it("is self-contained: no external scripts, styles, fonts or requests", () => {
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    expect(html).not.toMatch(
      /https?:\/\/(?!www\.w3\.org)[a-z0-9.-]+\.[a-z]{2,}\/[^\s"')]*\.(js|css|woff2?)/i,
    );
  });
  it("fits the size budget", () => {
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(150 * 1024);
  });
});

describe("the pages' dictionaries", () => {
  it("come out of the build equal to the sources, in every language", async () => {
    // @ts-expect-error: the build script is plain ESM JavaScript without type declarations.
    const { compactEnglish } = (await import("../../scripts/build.mjs")) as {
      compactEnglish: esbuild.Plugin;
    };
    const result = await esbuild.build({
      stdin: {
        contents: [
          'export { sidebarDictionaries } from "./src/client/i18n";',
          'export { meetingViewEn } from "./src/core/i18n/en/meeting-view";',
        ].join("\n"),
        resolveDir: root,
        loader: "ts",
      },
      bundle: true,
      format: "esm",
      platform: "neutral",
      write: false,
      plugins: [compactEnglish],
    });
    const code = result.outputFiles[0]!.text;
    // The English file is bare values: its keys are not in it twice.
    expect(code).not.toContain('"meeting.makeMinutes": "Make the minutes"');
    const built = (await import(
      `data:text/javascript;base64,${Buffer.from(code).toString("base64")}`
    )) as { sidebarDictionaries: typeof sidebarDictionaries; meetingViewEn: typeof meetingViewEn };
    for (const locale of ["id", "en"] as const) {
      expect(Object.entries(built.sidebarDictionaries[locale])).toEqual(
        Object.entries(sidebarDictionaries[locale]),
      );
    }
    expect(Object.entries(built.meetingViewEn)).toEqual(Object.entries(meetingViewEn));
  });
});

describe("manifest and clasp", () => {
  const manifest = JSON.parse(readFileSync(dist("appsscript.json"), "utf8")) as {
    runtimeVersion: string;
    timeZone: string;
    exceptionLogging: string;
    oauthScopes: string[];
  };
  it("runs on V8 in Jakarta time with least-privilege scopes", () => {
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.timeZone).toBe("Asia/Jakarta");
    expect(manifest.exceptionLogging).toBe("STACKDRIVER");
    expect([...manifest.oauthScopes].sort()).toEqual([
      "https://www.googleapis.com/auth/script.container.ui",
      "https://www.googleapis.com/auth/spreadsheets.currentonly",
      "https://www.googleapis.com/auth/userinfo.email",
    ]);
  });
  it("is a copy of the top-level manifest", () => {
    expect(readFileSync(dist("appsscript.json"), "utf8")).toBe(
      readFileSync(join(root, "appsscript.json"), "utf8"),
    );
  });
  it("clasp pushes exactly the manifest, the server script and the sidebar", () => {
    const out = execFileSync(join(root, "node_modules/.bin/clasp"), ["status", "--json"], {
      cwd: root,
      encoding: "utf8",
      timeout: 60_000,
    });
    const status = JSON.parse(out) as { filesToPush: string[] };
    expect([...status.filesToPush].sort()).toEqual([
      "dist/appsscript.json",
      "dist/meeting.html",
      "dist/server.js",
      "dist/sidebar.html",
    ]);
  });
});
