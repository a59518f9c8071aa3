// HMAC-SHA-256 in plain TypeScript: RFC 4231's test vectors, and the same bytes as Node's
// crypto and the emulator's Utilities.computeHmacSha256Signature for any text.
import { createHash, createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base64WebSafe, fromSignedBytes, hex, hmacSha256, sha256, utf8 } from "../../src/core/hmac";
import { createEmulator } from "../../src/preview/emulator";
import { runs, SEED } from "../support/tier";

const bytes = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => Number.parseInt(b, 16)));
const repeat = (byte: number, n: number) => new Uint8Array(n).fill(byte);

// RFC 4231 §4 (case 5, a truncated output, is not a separate algorithm).
const VECTORS: [string, Uint8Array, Uint8Array, string][] = [
  [
    "case 1",
    repeat(0x0b, 20),
    utf8("Hi There"),
    "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
  ],
  [
    "case 2",
    utf8("Jefe"),
    utf8("what do ya want for nothing?"),
    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
  ],
  [
    "case 3",
    repeat(0xaa, 20),
    repeat(0xdd, 50),
    "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
  ],
  [
    "case 4",
    bytes("0102030405060708090a0b0c0d0e0f10111213141516171819"),
    repeat(0xcd, 50),
    "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
  ],
  [
    "case 6 (key longer than a block)",
    repeat(0xaa, 131),
    utf8("Test Using Larger Than Block-Size Key - Hash Key First"),
    "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
  ],
  [
    "case 7",
    repeat(0xaa, 131),
    utf8(
      "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.",
    ),
    "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
  ],
];

describe("HMAC-SHA-256", () => {
  it.each(VECTORS)("RFC 4231 %s", (_label, key, data, expected) => {
    expect(hex(hmacSha256(key, data))).toBe(expected);
  });

  it("SHA-256 of the FIPS 180 examples and of block-boundary lengths", () => {
    expect(hex(sha256(utf8("abc")))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(hex(sha256(utf8("")))).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    for (const n of [55, 56, 63, 64, 65, 119, 120, 1000]) {
      const m = repeat(0x61, n);
      expect(hex(sha256(m)), `length ${n}`).toBe(createHash("sha256").update(m).digest("hex"));
    }
  });

  it("gives Node's bytes for any text and key (UTF-8, astral characters, lone surrogates)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (key, text) => {
        const expected = createHmac("sha256", Buffer.from(key, "utf8"))
          .update(Buffer.from(text, "utf8"))
          .digest();
        expect(hex(hmacSha256(key, text))).toBe(expected.toString("hex"));
        expect(base64WebSafe(hmacSha256(key, text))).toBe(
          expected.toString("base64").replace(/\+/g, "-").replace(/\//g, "_"),
        );
      }),
      { numRuns: runs(100, 300), seed: SEED },
    );
  });

  it("gives the emulator's Utilities bytes and web-safe Base64 (the Apps Script calls)", () => {
    const emulator = createEmulator();
    const utilities = emulator.globals.Utilities as GoogleAppsScript.Utilities.Utilities;
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (key, text) => {
        const signed = utilities.computeHmacSha256Signature(text, key, utilities.Charset.UTF_8);
        const ours = hmacSha256(key, text);
        expect(hex(fromSignedBytes(signed))).toBe(hex(ours));
        expect(utilities.base64EncodeWebSafe(signed)).toBe(base64WebSafe(ours));
      }),
      { numRuns: runs(67, 200), seed: SEED },
    );
  });

  it("pads web-safe Base64 like Apps Script for every length remainder", () => {
    for (const n of [0, 1, 2, 3, 4, 5, 32]) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 250) & 0xff);
      expect(base64WebSafe(b)).toBe(
        Buffer.from(b).toString("base64").replace(/\+/g, "-").replace(/\//g, "_"),
      );
    }
  });
});
