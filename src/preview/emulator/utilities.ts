// Utilities: Java-style dates, digests and HMACs as signed bytes, base64, a virtual sleep.
import { createHash, createHmac, randomUUID } from "node:crypto";
import { type Core, Emulated } from "./core";
import { Charset, DigestAlgorithm, enumName, MacAlgorithm } from "./enums";
import { formatJavaDate } from "./java-date";

const DIGESTS: Record<string, string> = {
  MD2: "md2",
  MD5: "md5",
  SHA_1: "sha1",
  SHA_256: "sha256",
  SHA_384: "sha384",
  SHA_512: "sha512",
};
const MACS: Record<string, string> = {
  HMAC_MD5: "md5",
  HMAC_SHA_1: "sha1",
  HMAC_SHA_256: "sha256",
  HMAC_SHA_384: "sha384",
  HMAC_SHA_512: "sha512",
};

/** Java's signed bytes, as Apps Script returns them. */
function signed(buf: Buffer): number[] {
  return [...buf].map((b) => (b > 127 ? b - 256 : b));
}

function toBuffer(value: unknown, charset?: unknown): Buffer {
  if (Array.isArray(value)) return Buffer.from(value.map((b) => Number(b) & 0xff));
  const enc = enumName(charset) === "US_ASCII" ? "latin1" : "utf8";
  return Buffer.from(String(value), enc);
}

/** Java SimpleDateFormat over a time zone, with English names (Apps Script's behaviour). */

export class UtilitiesObj extends Emulated {
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;
  readonly Charset = Charset;
  constructor(
    core: Core,
    readonly _sleep: (ms: number) => void,
  ) {
    super(core, "Utilities");
  }
  formatDate(date: unknown, timeZone: string, format: string): string {
    if (Object.prototype.toString.call(date) !== "[object Date]") {
      throw this._core.badParameters("String,String,String", "Utilities.formatDate");
    }
    const ms = Date.prototype.getTime.call(date);
    try {
      return formatJavaDate(ms, String(timeZone), String(format));
    } catch (e) {
      throw this._core.error(e instanceof Error ? e.message : String(e));
    }
  }
  getUuid(): string {
    return randomUUID();
  }
  computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
    const alg = DIGESTS[enumName(algorithm) ?? ""];
    if (!alg) throw this._core.error("Invalid argument: algorithm");
    return signed(createHash(alg).update(toBuffer(value, charset)).digest());
  }
  computeHmacSignature(
    algorithm: unknown,
    value: unknown,
    key: unknown,
    charset?: unknown,
  ): number[] {
    const alg = MACS[enumName(algorithm) ?? ""];
    if (!alg) throw this._core.error("Invalid argument: algorithm");
    return signed(
      createHmac(alg, toBuffer(key, charset)).update(toBuffer(value, charset)).digest(),
    );
  }
  computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
    return this.computeHmacSignature(MacAlgorithm.HMAC_SHA_256, value, key, charset);
  }
  base64Encode(data: unknown, charset?: unknown): string {
    return toBuffer(data, charset).toString("base64");
  }
  base64EncodeWebSafe(data: unknown, charset?: unknown): string {
    return toBuffer(data, charset).toString("base64").replace(/\+/g, "-").replace(/\//g, "_");
  }
  sleep(ms: number): void {
    if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) {
      throw this._core.error("Invalid argument: milliseconds");
    }
    if (ms > 300_000) throw this._core.error("Argument too large: milliseconds");
    this._sleep(ms);
  }
}
