/**
 * Checks the editor's text the way the lab will: first as JSON (each syntax error at its offset),
 * then with the engine's `parseScenario` (each problem at the place its path names). Pure, so the
 * same answers show up in unit tests, in the lint gutter and in the list under the editor.
 */
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parseScenario, type Scenario } from '../../engine';
import { lineAndColumn, parsePath, rangeOfPath, type TextRange } from './jsonPaths';

/** Largest draft checked, bytes of UTF-8: the engine's limit for a scenario file (1 MiB). */
export const DRAFT_BYTES_MAX = 1_048_576;

/** One problem in the draft, placed in the text. */
export interface DraftProblem extends TextRange {
  /** Where, in words: the JSON path ("topics[0].partitions") or "line 3, column 7" for syntax. */
  where: string;
  /** What to fix, in a learner's words. */
  message: string;
  /** "syntax": the text is not JSON; "scenario": JSON the scenario parser refused. */
  kind: 'syntax' | 'scenario';
}

export type DraftCheck =
  /** Runs as it is: `scenario` has every default filled in. */
  | { ok: true; json: unknown; scenario: Scenario }
  /** `json` is the parsed document when the text is JSON (the form can still edit it), else undefined. */
  | { ok: false; json: unknown; problems: DraftProblem[] };

export function checkDraft(text: string): DraftCheck {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > DRAFT_BYTES_MAX) {
    const message = `is ${bytes} bytes; a scenario may be at most ${DRAFT_BYTES_MAX} bytes (1 MiB)`;
    return { ok: false, json: undefined, problems: [{ from: 0, to: 0, where: 'the whole document', message, kind: 'scenario' }] };
  }
  const syntaxErrors: ParseError[] = [];
  const root = parseTree(text, syntaxErrors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (syntaxErrors.length > 0) {
    // Only the first: after one syntax error the parser's guesses cascade into errors that are not real.
    const first = syntaxErrors[0] as ParseError;
    return { ok: false, json: undefined, problems: [syntaxProblem(text, first)] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // jsonc-parser is a little more lenient than JSON.parse (lone surrogates, say); the lab uses JSON.parse.
    const message = `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, json: undefined, problems: [{ from: 0, to: Math.min(1, text.length), where: 'line 1, column 1', message, kind: 'syntax' }] };
  }
  const parsed = parseScenario(json);
  if (parsed.ok) return { ok: true, json, scenario: parsed.scenario };
  const problems = parsed.errors.map((error): DraftProblem => {
    const path = parsePath(error.path) ?? [];
    const range = rangeOfPath(root, path, error.message.startsWith('unknown field'));
    return { ...range, where: error.path === '' ? 'the whole document' : error.path, message: error.message, kind: 'scenario' };
  });
  return { ok: false, json, problems };
}

function syntaxProblem(text: string, error: ParseError): DraftProblem {
  const { line, column } = lineAndColumn(text, error.offset);
  // An error at the very end (a missing "}") still needs a character to point at.
  const from = Math.min(error.offset, Math.max(0, text.length - 1));
  const to = Math.min(text.length, from + Math.max(1, error.length));
  return { from, to, where: `line ${line}, column ${column}`, message: SYNTAX_MESSAGES[printParseErrorCode(error.error)] ?? `is not valid JSON here (${printParseErrorCode(error.error)})`, kind: 'syntax' };
}

/** jsonc-parser's error codes, as a learner would want them explained. */
const SYNTAX_MESSAGES: Partial<Record<ReturnType<typeof printParseErrorCode>, string>> = {
  InvalidSymbol: 'JSON does not allow this character here (a missing quote, or a stray character?)',
  InvalidNumberFormat: 'this number is not written as JSON writes numbers (e.g. 12, 0.5, 1e3)',
  PropertyNameExpected: 'a field name in double quotes was expected here (is there a comma too many?)',
  ValueExpected: 'a value was expected here (is there a comma too many, or a value missing?)',
  ColonExpected: 'a colon (:) was expected after the field name',
  CommaExpected: 'a comma was expected between these two items',
  CloseBraceExpected: 'a closing } was expected (an object is not closed)',
  CloseBracketExpected: 'a closing ] was expected (a list is not closed)',
  EndOfFileExpected: 'nothing may follow the end of the document',
  InvalidCommentToken: 'JSON has no comments: remove this one',
  UnexpectedEndOfComment: 'JSON has no comments: remove this one',
  UnexpectedEndOfString: 'this text is never closed: a double quote (") is missing',
  UnexpectedEndOfNumber: 'this number ends too early',
  InvalidUnicode: 'this \\u escape needs four hexadecimal digits',
  InvalidEscapeCharacter: 'this backslash escape is not one JSON knows (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)',
  InvalidCharacter: 'a line break or control character must be escaped inside text (use \\n)',
};
