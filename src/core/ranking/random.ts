// Seeded random deviates for the uncertainty step: mulberry32 uniforms and standard normals by
// the Box–Muller transform (both halves used).

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
    const r = Math.sqrt(-2 * Math.log(this.uniform()));
    const a = 2 * Math.PI * this.uniform();
    this.spare = r * Math.sin(a);
    return r * Math.cos(a);
  }
}
