/**
 * Running digest of the canonical event trace: every event the kernel pops is folded in as
 * (timeUs, kind, a, b). Two 32-bit lanes with murmur3's mixing give a 64-bit digest.
 *
 * Written here rather than taken from a library: it runs once per simulated event (millions a
 * second), must be synchronous (WebCrypto is async) and must give identical bits in Node and in
 * every browser, which integer-only Math.imul arithmetic guarantees.
 */
export class TraceHash {
  private h1 = 0x9747b28c | 0;
  private h2 = 0x5bd1e995 | 0;
  private events = 0;

  get eventCount(): number {
    return this.events;
  }

  /** Folds one event into the digest. timeUs, a and b may be any integers up to 2^53. */
  fold(timeUs: number, kind: number, a: number, b: number): void {
    this.mixWord(timeUs | 0);
    this.mixWord((timeUs / 4294967296) | 0);
    this.mixWord(kind);
    this.mixWord(a | 0);
    this.mixWord(b | 0);
    this.events++;
  }

  /** Folds an extra integer (an outcome worth pinning down, such as the partition a key chose). */
  mixWord(word: number): void {
    let k = Math.imul(word, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    let h = this.h1 ^ k;
    h = (h << 13) | (h >>> 19);
    this.h1 = (Math.imul(h, 5) + 0xe6546b64) | 0;
    this.h2 = (Math.imul(this.h2 ^ this.h1, 0x85ebca6b) + k) | 0;
  }

  /** 16 hex digits. */
  hex(): string {
    const a = fmix(this.h1 ^ this.events);
    const b = fmix(this.h2 ^ a);
    return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
  }
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
