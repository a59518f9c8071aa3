// What the sidebar says when a call fails: Google's own refusals (several accounts signed in,
// no authorization yet) and lost connections get a message that says what to do, in the
// user's language; the server's own messages pass as they are.
import { describe, expect, it } from "vitest";
import { errorText, ServerError } from "../../src/client/api";
import { translator } from "../../src/client/i18n";
import { failureText } from "../../src/client/ui";

const id = translator("id");
const en = translator("en");
/** As call() hands a failure to the views: the readable part of what google.script.run gave. */
const failed = (raw: unknown) => new ServerError(errorText(raw));

describe("failureText", () => {
  it.each([
    "ScriptError: We're sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED.",
    "PERMISSION_DENIED",
    "Error: PERMISSION_DENIED: the caller does not have permission",
  ])("several accounts signed in: %s", (raw) => {
    expect(failureText(en, failed(new Error(raw)))).toBe(en("error.accounts"));
    expect(failureText(id, failed(raw))).toBe(id("error.accounts"));
    expect(en("error.accounts")).toMatch(/several Google accounts.*private/);
    expect(id("error.accounts")).toMatch(/beberapa akun Google.*penyamaran/);
  });

  it.each([
    "ScriptError: Authorization is required to perform that action.",
    "Authorization is required to perform that action.",
  ])("authorization needed: %s", (raw) => {
    expect(failureText(en, failed(raw))).toBe(en("error.authorization"));
    expect(failureText(id, failed(raw))).toBe(id("error.authorization"));
    expect(en("error.authorization")).toMatch(/allow access.*one account, or a private window/);
  });

  it("keeps a server message that merely quotes those words", () => {
    const own = "Quickwin PERMISSION_DENIED tidak ditemukan.";
    expect(failureText(id, failed(own))).toBe(id("error.server", { message: own }));
    const quoted = "Quickwin Authorization is required tidak ditemukan.";
    expect(failureText(id, failed(quoted))).toBe(id("error.server", { message: quoted }));
  });

  it("passes the server's unreadable-email message as it is: it already says what to do", () => {
    const message = "Google did not tell the add-on which account you are using …";
    expect(failureText(en, failed(new Error(message)))).toBe(en("error.server", { message }));
  });
});
