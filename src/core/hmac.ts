// HMAC-SHA-256 (RFC 2104, FIPS 180-4) in plain TypeScript, over the UTF-8 bytes of strings.
// The ledger seals every row with it. Apps Script's Utilities.computeHmacSha256Signature gives
// the same bytes, but each call there is a service call: verifying a ledger of thousands of
// rows through it would make the ranking's cost grow with the data. Pure code costs none.

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const INITIAL = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8(text: string): Uint8Array {
  // At most three bytes per UTF-16 unit (a surrogate pair, two units, makes four).
  const out = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else c = 0xfffd;
    } else if (c >= 0xdc00 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    } else {
      out[n++] = 0xf0 | (c >> 18);
      out[n++] = 0x80 | ((c >> 12) & 63);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    }
  }
  return out.subarray(0, n);
}

/**
 * One SHA-256 compression of the 64-byte block at `offset` into the state `h`. Written for
 * cold code: Apps Script (and the preview) runs every execution in a fresh realm, where this
 * runs in V8's interpreter and baseline tiers for much of a call. So the rotations are inline
 * (a function call each), the words are read from the bytes directly, and the arithmetic stays
 * in signed 32 bits (`| 0`): an unsigned result above 2^31 (`>>> 0`) is no small integer, and
 * cold code allocates each such number on the heap.
 */
function compress(h: Int32Array, bytes: Uint8Array, offset: number, w: Int32Array): void {
  for (let t = 0, i = offset; t < 16; t++, i += 4) {
    w[t] = (bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!;
  }
  for (let t = 16; t < 64; t++) {
    const x = w[t - 15]!;
    const y = w[t - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0;
  }
  let a = h[0]!;
  let b = h[1]!;
  let c = h[2]!;
  let d = h[3]!;
  let e = h[4]!;
  let f = h[5]!;
  let g = h[6]!;
  let k = h[7]!;
  for (let t = 0; t < 64; t++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (k + s1 + ((e & f) ^ (~e & g)) + K[t]! + w[t]!) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    k = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] = (h[0]! + a) | 0;
  h[1] = (h[1]! + b) | 0;
  h[2] = (h[2]! + c) | 0;
  h[3] = (h[3]! + d) | 0;
  h[4] = (h[4]! + e) | 0;
  h[5] = (h[5]! + f) | 0;
  h[6] = (h[6]! + g) | 0;
  h[7] = (h[7]! + k) | 0;
}

/** The four bytes of a 32-bit word, most significant first, at `at`. */
function putWord(out: Uint8Array, at: number, word: number): void {
  out[at] = word >>> 24;
  out[at + 1] = word >>> 16;
  out[at + 2] = word >>> 8;
  out[at + 3] = word;
}

/**
 * SHA-256 of `message`, continuing from `state` after `done` bytes already hashed (a whole
 * number of blocks): lets HMAC hash its key block once and reuse it for every message.
 */
function sha256From(state: Int32Array, done: number, message: Uint8Array): Uint8Array {
  const bitLength = (done + message.length) * 8;
  const padded = new Uint8Array(Math.ceil((message.length + 9) / 64) * 64);
  padded.set(message);
  padded[message.length] = 0x80;
  // Lengths beyond 2^32 bits do not occur here (cells hold 50 000 characters).
  putWord(padded, padded.length - 8, Math.floor(bitLength / 0x100000000));
  putWord(padded, padded.length - 4, bitLength);
  const h = state.slice();
  const w = new Int32Array(64);
  for (let offset = 0; offset < padded.length; offset += 64) compress(h, padded, offset, w);
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) putWord(out, i * 4, h[i]!);
  return out;
}

/** SHA-256 of bytes. */
export function sha256(message: Uint8Array): Uint8Array {
  return sha256From(INITIAL, 0, message);
}

/** The SHA-256 state after one 64-byte block. */
function afterBlock(block: Uint8Array): Int32Array {
  const h = INITIAL.slice();
  compress(h, block, 0, new Int32Array(64));
  return h;
}

/** HMAC-SHA-256 under one key: the key's two pad blocks are hashed once, here. */
export function hmacSha256Key(
  key: Uint8Array | string,
): (message: Uint8Array | string) => Uint8Array {
  let k = typeof key === "string" ? utf8(key) : key;
  if (k.length > 64) k = sha256(k);
  const ipad = new Uint8Array(64);
  const opad = new Uint8Array(64);
  for (let i = 0; i < 64; i++) {
    const byte = k[i] ?? 0;
    ipad[i] = byte ^ 0x36;
    opad[i] = byte ^ 0x5c;
  }
  const inner = afterBlock(ipad);
  const outer = afterBlock(opad);
  return (message) => {
    const m = typeof message === "string" ? utf8(message) : message;
    return sha256From(outer, 64, sha256From(inner, 64, m));
  };
}

/** HMAC-SHA-256 of bytes (or the UTF-8 bytes of strings) under a key. */
export function hmacSha256(key: Uint8Array | string, message: Uint8Array | string): Uint8Array {
  return hmacSha256Key(key)(message);
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Base64 with the web-safe alphabet and "=" padding (what Utilities.base64EncodeWebSafe gives). */
export function base64WebSafe(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : "=";
    out += i + 2 < bytes.length ? ALPHABET[n & 63]! : "=";
  }
  return out;
}

/** Lower-case hex of bytes (for test vectors). */
export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Apps Script's signed bytes (-128…127) as bytes. */
export function fromSignedBytes(bytes: readonly number[]): Uint8Array {
  return Uint8Array.from(bytes, (b) => b & 0xff);
}
