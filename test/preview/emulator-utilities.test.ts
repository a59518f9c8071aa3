// Utilities.computeHmacSha256Signature and base64EncodeWebSafe, which the sealed ledger relies
// on, against the HMAC-SHA-256 vectors of RFC 4231 (section 4): the result is Java's signed
// bytes, and the web-safe base64 keeps its "=" padding, as Apps Script returns them.
import { describe, expect, it } from "vitest";
import { setup } from "./helpers";

/** Bytes as Apps Script's Byte[]: Java's signed bytes, -128..127. */
const signedBytes = (hex: string): number[] =>
  (hex.match(/../g) ?? []).map((h) => {
    const b = Number.parseInt(h, 16);
    return b > 127 ? b - 256 : b;
  });
const repeat = (byte: number, n: number): number[] =>
  signedBytes(byte.toString(16).padStart(2, "0").repeat(n));
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const RFC4231: { name: string; key: number[]; data: number[]; mac: string; webSafe: string }[] = [
  {
    name: "test case 1",
    key: repeat(0x0b, 20),
    data: ascii("Hi There"),
    mac: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
    webSafe: "sDRMYdjbOFNcqK_OrwvxK4gdwgDJgz2nJuk3bC4yz_c=",
  },
  {
    name: "test case 2 (a key shorter than the output)",
    key: ascii("Jefe"),
    data: ascii("what do ya want for nothing?"),
    mac: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    webSafe: "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=",
  },
  {
    name: "test case 3 (bytes above 127 in key and data)",
    key: repeat(0xaa, 20),
    data: repeat(0xdd, 50),
    mac: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
    webSafe: "dz6pHjaADkaFTbjr0JGBpylZCYs--MEi2WNVFM7VZf4=",
  },
  {
    name: "test case 4",
    key: signedBytes("0102030405060708090a0b0c0d0e0f10111213141516171819"),
    data: repeat(0xcd, 50),
    mac: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
    webSafe: "glWKOJpEPA6kzIGYmfIIOoXw-qPlePgHei4_9GcpZls=",
  },
  {
    name: "test case 6 (a key larger than the block)",
    key: repeat(0xaa, 131),
    data: ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
    mac: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
    webSafe: "YOQxWR7gtn8Niiaqy_W3f44LxiE3KMUUBUYEDw7jf1Q=",
  },
  {
    name: "test case 7 (key and data larger than the block)",
    key: repeat(0xaa, 131),
    data: ascii(
      "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.",
    ),
    mac: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
    webSafe: "mwn_pxuUL8snY1-81bDpRL_cY2RPBxOTin9RU1w6NeI=",
  },
];

describe("Utilities.computeHmacSha256Signature (RFC 4231)", () => {
  for (const v of RFC4231) {
    it(`${v.name}: signed bytes and web-safe base64`, () => {
      const { s } = setup();
      const mac = s.Utilities.computeHmacSha256Signature(v.data, v.key);
      expect(mac).toEqual(signedBytes(v.mac));
      expect(mac.every((b) => Number.isInteger(b) && b >= -128 && b <= 127)).toBe(true);
      expect(s.Utilities.base64EncodeWebSafe(mac)).toBe(v.webSafe);
    });
  }

  it("string arguments are their UTF-8 bytes (the ledger passes strings)", () => {
    const { s } = setup();
    const U = s.Utilities;
    expect(U.computeHmacSha256Signature("what do ya want for nothing?", "Jefe")).toEqual(
      signedBytes("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
    );
    const utf8 = [...Buffer.from("Dinas Kesehatan – ü", "utf8")].map((b) =>
      b > 127 ? b - 256 : b,
    );
    expect(U.computeHmacSha256Signature("Dinas Kesehatan – ü", "kunci")).toEqual(
      U.computeHmacSha256Signature(utf8, ascii("kunci")),
    );
  });

  it("web-safe base64 uses - and _ where plain base64 has + and /", () => {
    const { s } = setup();
    const bytes = signedBytes("fbff");
    expect(s.Utilities.base64Encode(bytes)).toBe("+/8=");
    expect(s.Utilities.base64EncodeWebSafe(bytes)).toBe("-_8=");
  });
});

describe("what the add-on does not use is not emulated", () => {
  it("fails loudly, naming the class and method", () => {
    const { ss, sheet, s } = setup();
    const notEmulated = (fn: () => unknown) => expect(fn).toThrow(/^not emulated: \w+\.\w+$/);
    const any = (x: unknown) => x as Record<string, () => unknown>;
    notEmulated(() => any(sheet).getRangeList!());
    notEmulated(() => any(sheet.getRange("A1")).setNote!());
    notEmulated(() => any(ss).addDeveloperMetadata!());
    notEmulated(() => any(s.Utilities).parseCsv!());
  });
});
