import { deflateSync as nodeDeflate, inflateSync as nodeInflate } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adler32, zlibCompress, zlibDecompress } from './zlibFrame';

const text = (s: string) => new TextEncoder().encode(s);

describe('zlib frames', () => {
  it('computes Adler-32 as RFC 1950 defines it', () => {
    expect(adler32(text('Wikipedia'))).toBe(0x11e60398);
    expect(adler32(new Uint8Array(0))).toBe(1);
    // Long enough to need the periodic reduction: checked against Node's zlib trailer.
    const long = new Uint8Array(100_000).map((_, i) => (i * 7919) & 255);
    const trailer = nodeDeflate(long).subarray(-4);
    expect(adler32(long)).toBe(Buffer.from(trailer).readUInt32BE(0));
  });

  it('round-trips, and any zlib reads what it writes (and the other way round)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const framed = zlibCompress(bytes);
        expect(new Uint8Array(nodeInflate(framed))).toEqual(bytes);
        expect(zlibDecompress(framed, 3000)).toEqual({ ok: true, bytes });
        expect(zlibDecompress(new Uint8Array(nodeDeflate(bytes)), 3000)).toEqual({ ok: true, bytes });
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it('names each way a stream can be wrong', () => {
    const framed = zlibCompress(text('{"format":1,"scenario":{}}'));
    expect(zlibDecompress(framed.subarray(0, 5), 100)).toEqual({ ok: false, error: { kind: 'too-short', bytes: 5 } });
    expect(zlibDecompress(Uint8Array.of(0x78, 0x9d, ...framed.subarray(2)), 100)).toEqual({ ok: false, error: { kind: 'bad-header' } });
    const badSum = framed.slice();
    badSum[badSum.length - 1]! ^= 1;
    expect(zlibDecompress(badSum, 100)).toEqual({ ok: false, error: { kind: 'checksum' } });
    const cut = Uint8Array.of(...framed.subarray(0, framed.length - 9), ...framed.subarray(-4));
    const result = zlibDecompress(cut, 100);
    expect(result.ok).toBe(false);
    expect(!result.ok && ['corrupt', 'checksum'].includes(result.error.kind)).toBe(true);
  });

  it('refuses a deflate bomb at the limit without allocating what it asks for', () => {
    const bomb = zlibCompress(new Uint8Array(5_000_000));
    expect(bomb.length).toBeLessThan(6_000);
    expect(zlibDecompress(bomb, 1_000_000)).toEqual({ ok: false, error: { kind: 'too-large', bytesMax: 1_000_000 } });
    // Exactly at the limit is fine.
    const exact = zlibCompress(new Uint8Array(1_000));
    expect(zlibDecompress(exact, 1_000)).toEqual({ ok: true, bytes: new Uint8Array(1_000) });
    expect(zlibDecompress(exact, 999)).toEqual({ ok: false, error: { kind: 'too-large', bytesMax: 999 } });
    // Stored (uncompressed) blocks overflow differently inside fflate; still the same answer.
    const stored = new Uint8Array(nodeDeflate(new Uint8Array(2_000).map((_, i) => (i * 31) & 255), { level: 0 }));
    expect(zlibDecompress(stored, 1_500)).toEqual({ ok: false, error: { kind: 'too-large', bytesMax: 1_500 } });
  });
});
