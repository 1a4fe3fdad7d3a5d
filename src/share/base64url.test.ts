import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from './base64url';

describe('base64url', () => {
  it('encodes exactly as Node does (RFC 4648 §5, no padding)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(encodeBase64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
      }),
      { seed: 9, numRuns: 500 },
    );
  });

  it('round-trips every byte string', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const decoded = decodeBase64url(encodeBase64url(bytes));
        expect(decoded).toEqual({ ok: true, bytes });
      }),
      { seed: 10, numRuns: 500 },
    );
  });

  it('names the first character outside the alphabet, padding included', () => {
    expect(decodeBase64url('abc+def')).toEqual({ ok: false, error: { kind: 'bad-char', index: 3, char: '+' } });
    expect(decodeBase64url('QQ==')).toEqual({ ok: false, error: { kind: 'bad-char', index: 2, char: '=' } });
    expect(decodeBase64url('ab😀cd')).toEqual({ ok: false, error: { kind: 'bad-char', index: 2, char: '😀' } });
    expect(decodeBase64url('ab cd')).toEqual({ ok: false, error: { kind: 'bad-char', index: 2, char: ' ' } });
  });

  it('refuses lengths no encoder writes and stray bits in the last character', () => {
    expect(decodeBase64url('abcde')).toEqual({ ok: false, error: { kind: 'bad-length', length: 5 } });
    // "QQ" is one byte (0x41); "QR" sets bits that byte does not have.
    expect(decodeBase64url('QQ')).toEqual({ ok: true, bytes: Uint8Array.of(0x41) });
    expect(decodeBase64url('QR')).toEqual({ ok: false, error: { kind: 'stray-bits', index: 1 } });
    expect(decodeBase64url('QUI')).toEqual({ ok: true, bytes: Uint8Array.of(0x41, 0x42) });
    expect(decodeBase64url('QUJ')).toEqual({ ok: false, error: { kind: 'stray-bits', index: 2 } });
    expect(decodeBase64url('')).toEqual({ ok: true, bytes: new Uint8Array(0) });
  });
});
