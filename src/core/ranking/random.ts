// Seeded random deviates for the uncertainty step: mulberry32 uniforms and standard normals by
// Marsaglia's polar method (both of each pair used).
// Math's functions are local copies: in Apps Script and in the emulator's vm, every lookup of a
// global is slow, and these run millions of times per ranking.
const imul = Math.imul;
const sqrt = Math.sqrt;
const log = Math.log;

export class RandomStream {
  private s: number;
  private spare = 0;
  private hasSpare = false;
  constructor(seed: number) {
    this.s = seed | 0;
  }
  /** Uniform in (0, 1). */
  uniform(): number {
    this.s = (this.s + 0x6d2b79f5) | 0;
    const s = this.s;
    let x = imul(s ^ (s >>> 15), 1 | s);
    x = (x + imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return (((x ^ (x >>> 14)) >>> 0) + 0.5) / 4294967296;
  }
  /** Standard normal. */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    // Marsaglia's polar form: no trigonometry, about 1.27 pairs of uniforms per two normals.
    let u: number;
    let v: number;
    let q: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      q = u * u + v * v;
    } while (q >= 1 || q === 0);
    const f = sqrt((-2 * log(q)) / q);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }
}
