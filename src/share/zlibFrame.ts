/**
 * Compression for share links: DEFLATE in a zlib frame (RFC 1950), so any zlib can read a link,
 * and so the Adler-32 trailer catches a link that was altered into another valid stream. fflate
 * strips that trailer without checking it, so it is checked here.
 */
import { deflateSync, inflateSync } from 'fflate';

/** Why bytes are not a zlib stream we wrote. */
export type InflateError =
  /** Fewer bytes than an empty stream has (2 header + 2 data + 4 checksum). */
  | { kind: 'too-short'; bytes: number }
  /** The first two bytes are not a zlib header for DEFLATE without a preset dictionary. */
  | { kind: 'bad-header' }
  /** The DEFLATE data is invalid or ends early; `detail` is the decompressor's words. */
  | { kind: 'corrupt'; detail: string }
  /** It inflates to more than the limit: refused before it could take the page's memory. */
  | { kind: 'too-large'; bytesMax: number }
  /** It inflates, but to bytes other than those written: the Adler-32 checksum disagrees. */
  | { kind: 'checksum' };

export type InflateResult = { ok: true; bytes: Uint8Array } | { ok: false; error: InflateError };

const HEADER_BYTES = 2;
const TRAILER_BYTES = 4;
/** The smallest zlib stream: header, an empty fixed-Huffman block, checksum. */
const STREAM_BYTES_MIN = HEADER_BYTES + 2 + TRAILER_BYTES;
/** Most bytes one byte of DEFLATE data can expand to. */
const DEFLATE_EXPANSION_MAX = 1032;

export function zlibCompress(bytes: Uint8Array): Uint8Array {
  const body = deflateSync(bytes, { level: 9, mem: 8 });
  const framed = new Uint8Array(HEADER_BYTES + body.length + TRAILER_BYTES);
  // CMF 0x78: DEFLATE with a 32 KiB window; FLG 0xDA: best compression, no dictionary, check bits.
  framed[0] = 0x78;
  framed[1] = 0xda;
  framed.set(body, HEADER_BYTES);
  writeUint32(framed, framed.length - TRAILER_BYTES, adler32(bytes));
  return framed;
}

/**
 * Inflates a zlib stream into at most `bytesMax` bytes. Memory stays bounded whatever the input:
 * no output buffer is larger than the limit, and a stream that would overflow it is refused.
 */
export function zlibDecompress(framed: Uint8Array, bytesMax: number): InflateResult {
  if (framed.length < STREAM_BYTES_MIN) return { ok: false, error: { kind: 'too-short', bytes: framed.length } };
  const cmf = framed[0]!;
  const flg = framed[1]!;
  const isDeflate = (cmf & 15) === 8 && cmf >> 4 <= 7;
  if (!isDeflate || ((cmf << 8) | flg) % 31 !== 0 || (flg & 32) !== 0) return { ok: false, error: { kind: 'bad-header' } };
  const body = framed.subarray(HEADER_BYTES, framed.length - TRAILER_BYTES);
  // Text deflates at most ~20:1 in practice, so a buffer of 64× the input nearly always holds it;
  // only a stream that overflows that gets one as large as DEFLATE can possibly expand to (a
  // 258-byte match per two bits: 1032×), and never more than the limit. One byte past the limit
  // tells "exactly at the limit" from "over it".
  const capacityMax = Math.min(bytesMax + 1, body.length * DEFLATE_EXPANSION_MAX + 1024);
  const guessBytes = Math.min(capacityMax, Math.max(1024, body.length * 64));
  let result = inflateInto(body, guessBytes);
  if (!result.ok && result.error.kind === 'too-large' && guessBytes < capacityMax) result = inflateInto(body, capacityMax);
  if (!result.ok) return result.error.kind === 'too-large' ? { ok: false, error: { kind: 'too-large', bytesMax } } : result;
  const inflated = result.bytes;
  if (adler32(inflated) !== readUint32(framed, framed.length - TRAILER_BYTES)) return { ok: false, error: { kind: 'checksum' } };
  return { ok: true, bytes: inflated };
}

/** Inflates into a buffer of `capacity` bytes; `too-large` (with that capacity) when it does not fit. */
function inflateInto(body: Uint8Array, capacity: number): InflateResult {
  let inflated: Uint8Array;
  try {
    inflated = inflateSync(body, { out: new Uint8Array(capacity) });
  } catch (error) {
    // fflate copies a stored block with TypedArray.set, which throws RangeError past the buffer.
    if (error instanceof RangeError) return { ok: false, error: { kind: 'too-large', bytesMax: capacity - 1 } };
    return { ok: false, error: { kind: 'corrupt', detail: error instanceof Error ? error.message : String(error) } };
  }
  // Past the end of a buffer it was handed, fflate drops bytes instead of failing: a full buffer means it overflowed.
  if (inflated.length >= capacity) return { ok: false, error: { kind: 'too-large', bytesMax: capacity - 1 } };
  return { ok: true, bytes: inflated };
}

/** RFC 1950's checksum, as an unsigned 32-bit number. */
export function adler32(bytes: Uint8Array): number {
  const MOD = 65521;
  // zlib's NMAX: reducing every 5552 bytes keeps both sums below 2^32, so they stay exact small integers.
  const NMAX = 5552;
  let a = 1;
  let b = 0;
  for (let start = 0; start < bytes.length; start += NMAX) {
    const end = Math.min(start + NMAX, bytes.length);
    for (let i = start; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= MOD;
    b %= MOD;
  }
  return (b * 65536 + a) >>> 0;
}

function writeUint32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value >>> 24;
  bytes[at + 1] = (value >>> 16) & 255;
  bytes[at + 2] = (value >>> 8) & 255;
  bytes[at + 3] = value & 255;
}

function readUint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}
