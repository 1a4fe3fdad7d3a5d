/** Share links and run files: a run (scenario, seed, action log, start time) others can open exactly. */
export { createSharePayload, decodePayloadText, validatePayload, SEED_MAX, SHARE_FORMAT } from './payload';
export type { DecodedRun, DecodeResult, SharePayload } from './payload';
export { decodeShareText, encodeShareFragment, hasShareFragment, readShareFragment, FRAGMENT_CHARS_MAX, FRAGMENT_KEY, PAYLOAD_BYTES_MAX } from './shareLink';
export type { EncodeResult } from './shareLink';
export { readRunFileText, runFileName, runFileText, RUN_FILE_BYTES_MAX } from './runFile';
export type { RunSource, ShareError, ShareErrorKind, ShareProblem } from './shareError';
