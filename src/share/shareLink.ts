/**
 * Share links: a run in the URL fragment, `#run=<base64url(zlib(JSON))>`. The fragment never
 * leaves the browser (it is not sent to the server), so a shared run is private to whoever has
 * the link and any static host serves it.
 *
 * Decoding is total: each stage (length, base64url, inflate, UTF-8, JSON, payload) either passes
 * or returns a ShareError naming what is wrong there. Nothing is skipped, truncated or repaired.
 */
import { decodeBase64url, encodeBase64url } from './base64url';
import { decodePayloadText, type DecodeResult, type SharePayload } from './payload';
import { shareError, type ShareError } from './shareError';
import { zlibCompress, zlibDecompress } from './zlibFrame';

/** The fragment key: `#run=…`. */
export const FRAGMENT_KEY = 'run';

/**
 * Longest encoded run a link may carry, characters. Browsers would take far more (Chromium 2 MB),
 * but links travel through chat apps, LMS editors and e-mail that cut or refuse long ones, often
 * silently; at 16,000 a link still pastes whole nearly everywhere. Checked before any decoding,
 * so a hostile link costs the page nothing. Longer runs export to a run file instead.
 */
export const FRAGMENT_CHARS_MAX = 16_000;

/**
 * Largest run JSON a link or file may inflate to, bytes: a 1 MiB scenario (the parser's own
 * limit) plus a full action log, with room to spare. Guards against deflate bombs.
 */
export const PAYLOAD_BYTES_MAX = 2 * 1024 * 1024;

export type EncodeResult =
  /** `fragment` is the whole fragment, `#run=…`; `chars` its length. */
  | { ok: true; fragment: string; chars: number }
  /** Too long for a link: `error.kind` is `too-long`; export a run file instead. */
  | { ok: false; error: ShareError; chars: number };

const encoder = new TextEncoder();
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The share fragment for a run, or a `too-long` error with the length it would have had. */
export function encodeShareFragment(payload: SharePayload): EncodeResult {
  const bytes = encoder.encode(JSON.stringify(payload));
  const fragment = `#${FRAGMENT_KEY}=${encodeBase64url(zlibCompress(bytes))}`;
  const encodedChars = fragment.length - FRAGMENT_KEY.length - 2;
  if (encodedChars > FRAGMENT_CHARS_MAX) {
    return {
      ok: false,
      chars: encodedChars,
      error: shareError('too-long', `This run needs a link of ${encodedChars.toLocaleString('en')} characters, more than the ${FRAGMENT_CHARS_MAX.toLocaleString('en')} a link can safely carry. Download it as a run file instead.`),
    };
  }
  return { ok: true, fragment, chars: fragment.length };
}

/** Whether a page's `location.hash` carries a run (cheap: nothing is decoded). */
export function hasShareFragment(hash: string): boolean {
  return hash.startsWith(`#${FRAGMENT_KEY}=`);
}

/**
 * Reads a page's `location.hash`: null when it carries no run (no `#run=`), otherwise the run or
 * the error that explains why it cannot be loaded.
 */
export function readShareFragment(hash: string): DecodeResult | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${FRAGMENT_KEY}=`;
  if (!body.startsWith(prefix)) return null;
  return decodeShareText(body.slice(prefix.length));
}

/** Decodes the encoded run (what follows `#run=`). Never throws. */
export function decodeShareText(encoded: string): DecodeResult {
  try {
    return decodeStages(encoded);
  } catch (error) {
    // Unreachable by design (the fuzz test checks it): a bug must still become an explanation.
    return { ok: false, error: shareError('corrupt', `The link could not be read (internal error: ${error instanceof Error ? error.message : String(error)}).`) };
  }
}

function decodeStages(encoded: string): DecodeResult {
  if (encoded.length === 0) return fail(shareError('empty', 'The link ends after "#run=": the run it should carry is missing. Was it cut when it was copied?'));
  if (encoded.length > FRAGMENT_CHARS_MAX) {
    return fail(shareError('too-long', `The link carries ${encoded.length.toLocaleString('en')} characters; a Queuelab link holds at most ${FRAGMENT_CHARS_MAX.toLocaleString('en')}. Ask for the run file instead.`));
  }
  const base64 = decodeBase64url(encoded);
  if (!base64.ok) {
    const e = base64.error;
    const message =
      e.kind === 'bad-char'
        ? `The link has ${JSON.stringify(e.char)} at character ${e.index + 1} of the run, which a Queuelab link never contains: it was altered or cut when it was copied.`
        : e.kind === 'bad-length'
          ? `The link's run is ${e.length} characters long, a length no Queuelab link has: it was cut when it was copied.`
          : `The link's run ends in a character (number ${e.index + 1}) no Queuelab link ends in: it was cut or altered when it was copied.`;
    return fail(shareError('not-base64url', message));
  }
  const inflated = zlibDecompress(base64.bytes, PAYLOAD_BYTES_MAX);
  if (!inflated.ok) {
    const e = inflated.error;
    if (e.kind === 'too-large') {
      return fail(shareError('too-large', `The link's run unpacks to more than ${(e.bytesMax / 1024 / 1024).toFixed(0)} MiB, more than any run needs; it was refused.`));
    }
    const why =
      e.kind === 'too-short'
        ? `is only ${e.bytes} bytes, too short to hold a run`
        : e.kind === 'bad-header'
          ? 'does not start like compressed data'
          : e.kind === 'checksum'
            ? 'unpacks, but its checksum does not match: some characters were changed'
            : `is damaged or cut short (${e.detail})`;
    return fail(shareError('corrupt', `The link's run ${why}. Ask for the link again.`));
  }
  let text: string;
  try {
    text = utf8.decode(inflated.bytes);
  } catch {
    return fail(shareError('not-text', "The link's run unpacks to bytes that are not text: it was not made by Queuelab."));
  }
  return decodePayloadText(text, 'link');
}

function fail(error: ShareError): DecodeResult {
  return { ok: false, error };
}
