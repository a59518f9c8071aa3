// Seeded random deviates for the uncertainty step: mulberry32 uniforms and standard normals by
// Marsaglia's polar method (both of each pair used).

export class RandomStream {
  private s: number;
  private spare = Number.NaN;
  constructor(seed: number) {
    this.s = seed | 0;
  }
  /** Uniform in (0, 1). */
  uniform(): number {
    this.s = (this.s + 0x6d2b79f5) | 0;
    const s = this.s;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return (((x ^ (x >>> 14)) >>> 0) + 0.5) / 4294967296;
  }
  /** Standard normal. */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const z = this.spare;
      this.spare = Number.NaN;
      return z;
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
    const f = Math.sqrt((-2 * Math.log(q)) / q);
    this.spare = v * f;
    return u * f;
  }
}
