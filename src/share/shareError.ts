/**
 * Everything that can be wrong with a share link or a run file, each in words a learner
 * understands. Decoding returns one of these instead of throwing, and never drops or repairs
 * part of a run: a run either loads whole or not at all.
 */

/** What kind of problem; the UI may pick its wording or an action from it. */
export type ShareErrorKind =
  /** `#run=` with nothing after it. */
  | 'empty'
  /** Longer than FRAGMENT_CHARS_MAX (a link) or RUN_FILE_BYTES_MAX (a file). */
  | 'too-long'
  /** A character outside base64url, an impossible length or stray bits: the link was cut or altered. */
  | 'not-base64url'
  /** The compressed data is invalid, ends early or fails its checksum. */
  | 'corrupt'
  /** It inflates to more than PAYLOAD_BYTES_MAX. */
  | 'too-large'
  /** The inflated bytes are not UTF-8 text. */
  | 'not-text'
  /** The text is not JSON. */
  | 'not-json'
  /** Valid JSON, but not a Queuelab run (no `format`, a field that should not be there, a field of the wrong type). */
  | 'not-a-run'
  /** A run format this version of Queuelab does not read. */
  | 'unknown-format'
  /** The scenario inside does not parse; `problems` are the parser's errors with their JSON paths. */
  | 'scenario'
  /** The action log inside does not parse; `problems` name each action. */
  | 'actions'
  /** The seed is not a whole number from 0 to 4294967295. */
  | 'seed'
  /** The start time is not within the scenario's duration. */
  | 'start'
  /** The playback speed is outside what the player accepts. */
  | 'speed';

/** One problem at one place in the run document. */
export interface ShareProblem {
  /** JSON path inside the document the problem is about, e.g. "topics[0].partitions" or "actions[2].timeMs"; "" for the whole. */
  path: string;
  /** What is wrong there. */
  message: string;
}

export interface ShareError {
  kind: ShareErrorKind;
  /** One or two sentences naming what is wrong and, where it helps, what to do. */
  message: string;
  /** For `scenario`, `actions` and `not-a-run`: every problem with its path; otherwise empty. */
  problems: ShareProblem[];
}

/** Where a run came from, for the words of its errors. */
export type RunSource = 'link' | 'file';

export function shareError(kind: ShareErrorKind, message: string, problems: ShareProblem[] = []): ShareError {
  return { kind, message, problems };
}

/** "The link" / "The run file", to start a sentence. */
export function sourceName(source: RunSource): string {
  return source === 'link' ? 'The link' : 'The run file';
}
