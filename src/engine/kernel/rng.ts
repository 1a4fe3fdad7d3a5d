import { InvariantError } from './assert';

/** A seeded stream of random numbers. All integer arithmetic, so every JS engine yields the same stream. */
export interface Rng {
  /** Next uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** [0,1) with 53 bits */
  nextFloat(): number;
  /** unbiased integer in [0, n); n must be an integer in [1, 2^32] */
  nextInt(n: number): number;
}

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;
const TWO_POW_26 = 67108864;

/**
 * Creates the stream `stream` (e.g. "producer:checkout", "group:billing:c-0") of root seed
 * rootSeed (a safe integer). Streams are independent: adding a consumer never changes the keys
 * a producer draws, because each component owns a stream named after it.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Chaotic, 128-bit state, passes
 * PractRand), written here rather than imported because a library's closures and dynamic calls
 * cost speed on the hot path and a library upgrade could silently change every stream.
 */
export function createRng(rootSeed: number, stream: string): Rng {
  if (!Number.isSafeInteger(rootSeed)) {
    throw new InvariantError(`createRng: rootSeed must be a safe integer, got ${rootSeed}`);
  }
  // Negative seeds and seeds above 2^32 keep all their bits: low and high words are hashed separately.
  const seedLow = rootSeed >>> 0;
  const seedHigh = Math.floor(rootSeed / TWO_POW_32) >>> 0;
  // Two different hashes of (seed, name) give 64 bits of key, so two streams share a state only
  // with chance ~2^-64 rather than the ~2^-32 of a single 32-bit hash.
  const keyA = fnv1a32(seedLow, seedHigh, stream);
  const keyB = murmurMix32(seedLow, seedHigh, stream);
  const mixA = splitmix32(keyA);
  const mixB = splitmix32(mixA.state);
  const mixC = splitmix32(keyB);
  const rng = new Sfc32(mixA.value, mixB.value, mixC.value, 1);
  // The reference sfc32 seeding discards its first outputs so that similar keys decorrelate.
  for (let i = 0; i < 12; i++) rng.nextUint32();
  return rng;
}

/**
 * The bare sfc32 generator from an explicit state (a, b, c, counter as uint32s), without the
 * seeding or warm-up of createRng; for checking the generator against its published definition.
 */
export function sfc32(a: number, b: number, c: number, counter: number): Rng {
  return new Sfc32(a, b, c, counter);
}

class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private counter: number;

  constructor(a: number, b: number, c: number, counter: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.counter = counter | 0;
  }

  nextUint32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const t = (((a + b) | 0) + this.counter) | 0;
    this.counter = (this.counter + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  nextFloat(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * TWO_POW_26 + low) / TWO_POW_53;
  }

  nextInt(n: number): number {
    if (!(n >= 1 && n <= TWO_POW_32 && Math.floor(n) === n)) {
      throw new InvariantError(`nextInt(n) needs an integer n in [1, 2^32], got ${n}`);
    }
    // Rejection sampling: values at or above the largest multiple of n would favour small results.
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }
}

interface SplitmixStep {
  state: number;
  value: number;
}

// splitmix32 (Hash Prospector constants): one step from state, returning the new state and its output.
function splitmix32(state: number): SplitmixStep {
  const next = (state + 0x9e3779b9) | 0;
  let z = next ^ (next >>> 16);
  z = Math.imul(z, 0x21f0aaad);
  z ^= z >>> 15;
  z = Math.imul(z, 0x735a2d97);
  z ^= z >>> 15;
  return { state: next, value: z >>> 0 };
}

// FNV-1a over the seed's bytes then the name's UTF-16 code units (code units, not UTF-8, because
// they need no encoder and are the same in every engine).
function fnv1a32(seedLow: number, seedHigh: number, name: string): number {
  let h = 0x811c9dc5;
  h = fnvWord(h, seedLow);
  h = fnvWord(h, seedHigh);
  for (let i = 0; i < name.length; i++) {
    const unit = name.charCodeAt(i);
    h = Math.imul(h ^ (unit & 0xff), 0x01000193);
    h = Math.imul(h ^ (unit >>> 8), 0x01000193);
  }
  return h >>> 0;
}

function fnvWord(h: number, word: number): number {
  h = Math.imul(h ^ (word & 0xff), 0x01000193);
  h = Math.imul(h ^ ((word >>> 8) & 0xff), 0x01000193);
  h = Math.imul(h ^ ((word >>> 16) & 0xff), 0x01000193);
  return Math.imul(h ^ (word >>> 24), 0x01000193);
}

// A murmur-style multiply-xorshift hash over the same input, independent of FNV's structure.
function murmurMix32(seedLow: number, seedHigh: number, name: string): number {
  let h = 0x5bd1e995 ^ name.length;
  h = murmurStep(h, seedLow);
  h = murmurStep(h, seedHigh);
  for (let i = 0; i < name.length; i++) h = murmurStep(h, name.charCodeAt(i));
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995);
  h ^= h >>> 15;
  return h >>> 0;
}

function murmurStep(h: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
