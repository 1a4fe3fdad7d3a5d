/** The draft as a file: the text a scenario starts as, the download's name, and reading an upload. */
import { checkDraft, DRAFT_BYTES_MAX, type DraftProblem } from './checkDraft';

/** A document as the editor shows it: two-space JSON, as the built-ins are written, ending in a newline. */
export function textOf(json: unknown): string {
  return `${JSON.stringify(json, null, 2)}\n`;
}

const FILE_NAME_CHARS_MAX = 60;

/** "A balanced pipeline" → "a-balanced-pipeline.json"; "scenario.json" when the title gives nothing usable. */
export function fileNameFor(json: unknown): string {
  const title = typeof json === 'object' && json !== null && 'title' in json && typeof json.title === 'string' ? json.title : '';
  const slug = title
    .normalize('NFKD')
    // The accents NFKD split off ("é" → "e" + U+0301), so "Café" names "cafe", not "cafe-".
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, FILE_NAME_CHARS_MAX)
    .replace(/-+$/, '');
  return `${slug === '' ? 'scenario' : slug}.json`;
}

export type UploadResult =
  /** A scenario that runs: it may replace the draft. */
  | { ok: true; text: string }
  /**
   * Not one: `message` says why, `problems` where. `text` is set when the file is at least
   * text of a sane size, so the author may still choose to open it and fix it.
   */
  | { ok: false; message: string; problems: DraftProblem[]; text: string | null };

/** Checks an uploaded file before it may replace the draft. */
export function readUpload(name: string, text: string, sizeBytes: number): UploadResult {
  if (sizeBytes > DRAFT_BYTES_MAX) {
    return { ok: false, message: `${name} is ${sizeBytes} bytes; a scenario file may be at most ${DRAFT_BYTES_MAX} bytes (1 MiB). Your draft is unchanged.`, problems: [], text: null };
  }
  const check = checkDraft(text);
  if (check.ok) return { ok: true, text };
  const count = check.problems.length;
  const what = check.json === undefined ? 'is not valid JSON' : `is not a scenario that runs (${count} problem${count === 1 ? '' : 's'})`;
  return { ok: false, message: `${name} ${what}. Your draft is unchanged.`, problems: check.problems, text };
}
