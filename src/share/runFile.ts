/**
 * Run files: the same run as a share link, as a plain JSON file, for runs too long for a link
 * (or for anyone who prefers a file). Read back through the same checks as a link's JSON.
 */
import { decodePayloadText, type DecodeResult, type SharePayload } from './payload';
import { PAYLOAD_BYTES_MAX } from './shareLink';
import { shareError } from './shareError';

/** Largest run file read, bytes: the largest run a link may unpack to. */
export const RUN_FILE_BYTES_MAX = PAYLOAD_BYTES_MAX;

/** The file's text: the payload as indented JSON, so that a person can read and diff it. */
export function runFileText(payload: SharePayload): string {
  return `${JSON.stringify(payload, null, 2)}\n`;
}

/** "queuelab-run-a-consumer-too-slow.json": a file name from a scenario title, safe on every OS. */
export function runFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `queuelab-run${slug ? `-${slug}` : ''}.json`;
}

/** Checks a run file's text; `sizeBytes` is the file's size when known (checked before reading it all). */
export function readRunFileText(text: string, sizeBytes?: number): DecodeResult {
  const bytes = sizeBytes ?? text.length;
  if (bytes > RUN_FILE_BYTES_MAX) {
    return { ok: false, error: shareError('too-long', `The run file is ${(bytes / 1024 / 1024).toFixed(1)} MiB; a run file holds at most ${RUN_FILE_BYTES_MAX / 1024 / 1024} MiB.`) };
  }
  return decodePayloadText(text, 'file');
}
