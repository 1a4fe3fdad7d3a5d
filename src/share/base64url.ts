/**
 * base64url (RFC 4648 §5) without padding: the alphabet that survives a URL fragment, chat apps
 * and LMS editors untouched. Decoding is strict and never throws: a character outside the
 * alphabet, an impossible length or stray bits in the last character are errors that say where,
 * because each of them means the link was cut short or altered on its way.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Character code → 6-bit value, or -1 for a character outside the alphabet. */
const VALUE_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE_OF[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64url(bytes: Uint8Array): string {
  let text = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    text += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    text += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    text += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return text;
}

/** Why a text is not base64url; `index` is the 0-based position of the first bad character, if one is to blame. */
export type Base64urlError =
  /** A character outside A–Z a–z 0–9 - _ (padding `=` included: links never carry it). */
  | { kind: 'bad-char'; index: number; char: string }
  /** One character past a multiple of four can never hold a whole byte: the text was cut. */
  | { kind: 'bad-length'; length: number }
  /** The last character has bits set that no encoder writes: the end was cut or altered. */
  | { kind: 'stray-bits'; index: number };

export type Base64urlResult = { ok: true; bytes: Uint8Array } | { ok: false; error: Base64urlError };

export function decodeBase64url(text: string): Base64urlResult {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || VALUE_OF[code]! < 0) {
      // A whole code point, so that an emoji is shown as itself, not as half a surrogate pair.
      const char = String.fromCodePoint(text.codePointAt(i)!);
      return { ok: false, error: { kind: 'bad-char', index: i, char } };
    }
  }
  const tail = text.length % 4;
  if (tail === 1) return { ok: false, error: { kind: 'bad-length', length: text.length } };
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let out = 0;
  let i = 0;
  const value = (at: number) => VALUE_OF[text.charCodeAt(at)]!;
  for (; i + 3 < text.length; i += 4) {
    const n = (value(i) << 18) | (value(i + 1) << 12) | (value(i + 2) << 6) | value(i + 3);
    bytes[out++] = n >> 16;
    bytes[out++] = (n >> 8) & 255;
    bytes[out++] = n & 255;
  }
  if (tail === 2) {
    const last = value(i + 1);
    if ((last & 15) !== 0) return { ok: false, error: { kind: 'stray-bits', index: i + 1 } };
    bytes[out] = (value(i) << 2) | (last >> 4);
  } else if (tail === 3) {
    const last = value(i + 2);
    if ((last & 3) !== 0) return { ok: false, error: { kind: 'stray-bits', index: i + 2 } };
    const n = (value(i) << 18) | (value(i + 1) << 12) | (last << 6);
    bytes[out] = n >> 16;
    bytes[out + 1] = (n >> 8) & 255;
  }
  return { ok: true, bytes };
}
