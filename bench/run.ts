// `npm run bench`: runs every bench/*.bench.ts in name order; each prints its own figures.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const dir = import.meta.dirname;
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts") && (!only || f.includes(only)))
  .sort();
for (const file of files) {
  console.log(`\n=== ${file}`);
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as {
    run?: () => Promise<void> | void;
  };
  if (typeof mod.run !== "function") throw new Error(`${file} must export run()`);
  await mod.run();
}
