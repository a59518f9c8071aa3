// Builds dist/: the manifest, one classic server script and two self-contained pages (the sidebar
// and the meeting dialog, which share the client code).
// Apps Script runs classic scripts, so every export of the server entry becomes a top-level
// `function` stub that forwards to the bundled IIFE — adding an export is all it takes.
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const serverEntry = join(root, "src/server/main.ts");
const GLOBAL_NAME = "QuickwinServer";
const analyze = process.argv.includes("--analyze");

const common = {
  bundle: true,
  target: "es2019",
  platform: "neutral",
  mainFields: ["module", "main"],
  conditions: ["import", "default"],
  legalComments: "none",
  logLevel: "warning",
  write: false,
  metafile: true,
  absWorkingDir: root,
};

/** The names the server entry exports, read from an ESM build's metafile. */
async function serverExports() {
  const result = await esbuild.build({ ...common, entryPoints: [serverEntry], format: "esm" });
  const [output] = Object.values(result.metafile.outputs);
  const names = output?.exports ?? [];
  for (const name of names) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name) || name === "default") {
      throw new Error(`server export "${name}" cannot be a top-level Apps Script function`);
    }
  }
  return names;
}

async function buildServer() {
  const names = await serverExports();
  const result = await esbuild.build({
    ...common,
    entryPoints: [serverEntry],
    format: "iife",
    globalName: GLOBAL_NAME,
    minifySyntax: true,
    minifyWhitespace: true,
  });
  const bundle = result.outputFiles[0].text;
  // One stub per export; Apps Script (menus, triggers, google.script.run) only sees these.
  const stubs = names
    .map((n) => `function ${n}() { return ${GLOBAL_NAME}.${n}.apply(this, arguments); }`)
    .join("\n");
  const code = `${bundle}\n${stubs}\n`;
  await writeAtomic(join(dist, "server.js"), code);
  return { bytes: Buffer.byteLength(code), names, metafile: result.metafile };
}

/** A TypeScript module bundled alone and imported here (the dictionaries: plain data). */
async function evaluate(file) {
  const result = await esbuild.build({ ...common, entryPoints: [file], format: "esm" });
  const code = Buffer.from(result.outputFiles[0].text).toString("base64");
  return import(`data:text/javascript;base64,${code}`);
}

/**
 * The pages' English dictionaries as bare values in the order of the Indonesian keys, so each
 * key is shipped once (about 6 KB of the sidebar). The sources stay as they are: en/*.ts is
 * typed against id/*.ts, and this refuses to build if their keys differ. test/build checks
 * that the pages' dictionaries come out equal to the sources.
 */
export const compactEnglish = {
  name: "compact-english",
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]core[\\/]i18n[\\/]en[\\/][\w-]+\.ts$/ }, async (args) => {
      const name = basename(args.path, ".ts");
      const idFile = join(dirname(args.path), "..", "id", `${name}.ts`);
      const [en, id] = await Promise.all([evaluate(args.path), evaluate(idFile)]);
      const [enName, enDict] = Object.entries(en)[0] ?? [];
      const [idName, idDict] = Object.entries(id)[0] ?? [];
      const keys = Object.keys(idDict ?? {});
      const same =
        Object.keys(en).length === 1 &&
        Object.keys(id).length === 1 &&
        keys.length === Object.keys(enDict ?? {}).length &&
        keys.every((key) => Object.hasOwn(enDict, key));
      if (!same)
        throw new Error(
          `en/${name}.ts and id/${name}.ts must export one dictionary each, with the same keys`,
        );
      const values = JSON.stringify(keys.map((key) => enDict[key]));
      return {
        loader: "js",
        resolveDir: dirname(args.path),
        contents:
          `import { ${idName} } from "../id/${name}";\n` +
          `const values = ${values};\n` +
          `export const ${enName} = Object.fromEntries(Object.keys(${idName}).map((key, i) => [key, values[i]]));\n`,
      };
    });
  },
};

/**
 * One self-contained HTML page (inline CSS and JS) from a client entry, its template and its
 * style sheets: the sidebar, and the meeting dialog (which shares the sidebar's client code).
 */
async function buildPage({ entry, template, styles, out }) {
  const result = await esbuild.build({
    ...common,
    platform: "browser",
    // ES2019 like the server script (the project's one syntax target): optional chaining and ??
    // are lowered, which costs the pages about 3 KB of their budget.
    target: "es2019",
    entryPoints: [join(root, entry)],
    format: "iife",
    minify: true,
    plugins: [compactEnglish],
    // The page is served as UTF-8: "–" as itself (3 bytes), not as "\u2013" (6).
    charset: "utf8",
  });
  // A literal "</script" inside the inlined JS would end the script element early.
  const js = result.outputFiles[0].text.replace(/<\/(script)/gi, "<\\/$1");
  const cssSource = (
    await Promise.all(styles.map((file) => readFile(join(root, file), "utf8")))
  ).join("\n");
  const { code: css } = await esbuild.transform(cssSource, {
    loader: "css",
    minify: true,
    target: "chrome90",
  });
  const html = (await readFile(join(root, template), "utf8"))
    .replace("/*__STYLE__*/", () => css.trim())
    .replace("/*__SCRIPT__*/", () => js.trim());
  await writeAtomic(join(dist, out), html);
  return { bytes: Buffer.byteLength(html), metafile: result.metafile };
}

function buildSidebar() {
  return buildPage({
    entry: "src/client/main.ts",
    template: "src/client/sidebar.html",
    styles: ["src/client/sidebar.css"],
    out: "sidebar.html",
  });
}

function buildMeeting() {
  return buildPage({
    entry: "src/client/meeting.ts",
    template: "src/client/meeting.html",
    styles: ["src/client/sidebar.css", "src/client/meeting.css"],
    out: "meeting.html",
  });
}

/** Atomic write (temp file + rename): concurrent test runs may read dist/ while it is rebuilt. */
async function writeAtomic(file, content) {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, content);
  await rename(temp, file);
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function printTopInputs(label, metafile) {
  const [output] = Object.values(metafile.outputs);
  const rows = Object.entries(output.inputs)
    .map(([file, info]) => [file, info.bytesInOutput])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15);
  console.log(`\n${label}: largest inputs`);
  for (const [file, bytes] of rows) console.log(`  ${kb(bytes).padStart(9)}  ${file}`);
}

export async function build({ quiet = false } = {}) {
  await mkdir(dist, { recursive: true });
  await writeAtomic(join(dist, "appsscript.json"), await readFile(join(root, "appsscript.json")));
  const [server, sidebar, meeting] = await Promise.all([
    buildServer(),
    buildSidebar(),
    buildMeeting(),
  ]);
  // dist/ is exactly what clasp pushes: nothing else may linger there.
  const keep = new Set(["appsscript.json", "server.js", "sidebar.html", "meeting.html"]);
  for (const name of await readdir(dist)) {
    if (!keep.has(name) && !name.endsWith(".tmp"))
      await rm(join(dist, name), { recursive: true, force: true });
  }
  if (!quiet) {
    console.log(
      `dist/server.js    ${kb(server.bytes)} (budget 500 KB), ${server.names.length} entry points`,
    );
    console.log(`dist/sidebar.html ${kb(sidebar.bytes)} (budget 150 KB)`);
    console.log(`dist/meeting.html ${kb(meeting.bytes)} (budget 150 KB)`);
  }
  if (analyze) {
    await printTopInputs("server.js", server.metafile);
    await printTopInputs("sidebar.html", sidebar.metafile);
    await printTopInputs("meeting.html", meeting.metafile);
  }
  if (server.bytes > 500 * 1024 || sidebar.bytes > 150 * 1024 || meeting.bytes > 150 * 1024) {
    throw new Error("a built file is over its size budget");
  }
  return { server, sidebar, meeting };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  build().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
