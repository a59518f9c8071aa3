// What a person does to tabs and rows, through the preview (DESIGN §6):
//   POST   /preview/sheets             {"name"}                 adds a sheet
//   PATCH  /preview/sheets/NAME        {"name"}                 renames it
//   DELETE /preview/sheets/NAME                                 deletes it
//   POST   /preview/sheets/NAME/edit   {"op","at","count"}      inserts/deletes rows, columns
//   PUT    /preview/sheets/NAME        {"range","values"}       types into cells
// Each answers {"ok":true} (PUT: with the sheet) or {"ok":false,"error":{"message"}}: 404 for
// an unknown sheet, 400 with Sheets' own message for what Sheets refuses.
import * as z from "zod/mini";
import type { Emulator } from "./emulator";
import { SheetNotFoundError } from "./emulator";
import { HttpError, parseJsonObject } from "./http";
import { errorMessage } from "./script-host";

const NameBody = z.object({ name: z.string() });
const EditBody = z.object({
  op: z.enum(["insertRows", "deleteRows", "insertColumns", "deleteColumns"]),
  at: z.int().check(z.gte(1)),
  count: z.int().check(z.gte(1), z.lte(10_000)),
});
const TypeBody = z.object({ range: z.string(), values: z.array(z.array(z.unknown())) });

function parse<T>(schema: z.ZodMiniType<T>, body: string, what: string): T {
  const result = schema.safeParse(parseJsonObject(body));
  if (!result.success) throw new HttpError(400, `Expected ${what}.`);
  return result.data;
}

/** Runs one hand edit; Sheets' refusals become 400s, an unknown sheet a 404. */
function asPerson(edit: () => void): void {
  try {
    edit();
  } catch (error) {
    if (error instanceof SheetNotFoundError) throw new HttpError(404, error.message);
    throw new HttpError(400, errorMessage(error));
  }
}

function sheetNameOf(rest: string): string {
  try {
    return decodeURIComponent(rest);
  } catch {
    throw new HttpError(404, "No such sheet.");
  }
}

/**
 * Handles a change under /preview/sheets; returns the JSON answer, or null when the path and
 * method are not one of these (the caller answers 404 or 405).
 */
export function editSheets(
  emulator: Emulator,
  method: string,
  path: string,
  body: string,
): Record<string, unknown> | null {
  if (path === "/preview/sheets") {
    if (method !== "POST") return null;
    const { name } = parse(NameBody, body, '{"name": "…"}');
    asPerson(() => emulator.addSheet(name));
    return { ok: true };
  }
  const rest = path.slice("/preview/sheets/".length);
  if (rest.endsWith("/edit")) {
    if (method !== "POST") throw new HttpError(405, "Use POST.", { allow: "POST" });
    const name = sheetNameOf(rest.slice(0, -"/edit".length));
    const e = parse(
      EditBody,
      body,
      '{"op": "insertRows"|"deleteRows"|"insertColumns"|"deleteColumns", "at": N ≥ 1, "count": K ≥ 1}',
    );
    asPerson(() => emulator.editSheet(name, e.op, e.at, e.count));
    return { ok: true };
  }
  const name = sheetNameOf(rest);
  if (method === "PATCH") {
    const { name: newName } = parse(NameBody, body, '{"name": "…"}');
    asPerson(() => emulator.renameSheet(name, newName));
    return { ok: true };
  }
  if (method === "DELETE") {
    asPerson(() => emulator.deleteSheet(name));
    return { ok: true };
  }
  if (method === "PUT") {
    const edit = parse(TypeBody, body, '{"range": "A2:C3", "values": [[…], …]}');
    asPerson(() => emulator.typeInto(name, edit.range, edit.values));
    const sheets = emulator.snapshot().sheets;
    const sheet =
      sheets.find((s) => s.name === name) ??
      sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    return { ok: true, sheet: sheet ?? null };
  }
  throw new HttpError(405, "Use PUT, PATCH or DELETE.", { allow: "PUT, PATCH, DELETE" });
}
