/**
 * From the parser's error paths ("topics[0].partitions", `["a key"]`) to places in the JSON text,
 * so that a problem is shown where it is. The format is the engine's `formatPath`: dots between
 * identifiers, `[i]` for indexes, `["…"]` (a JSON string) for any other field name; `parsePath`
 * reads it back.
 */
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { PathSegment } from '../../engine/scenario/errors';

export type { PathSegment };

/** A span of the text, as UTF-16 offsets (what CodeMirror and jsonc-parser count). */
export interface TextRange {
  from: number;
  to: number;
}

const IDENTIFIER_CHAR = /[A-Za-z0-9_$]/;

/** The segments of a path text, or null when it is not in the engine's format. "" is the root. */
export function parsePath(text: string): PathSegment[] | null {
  const segments: PathSegment[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '[') {
      const close = text[i + 1] === '"' ? closingQuote(text, i + 1) : text.indexOf(']', i);
      if (close < 0) return null;
      if (text[i + 1] === '"') {
        if (text[close + 1] !== ']') return null;
        const name = readJsonString(text.slice(i + 1, close + 1));
        if (name === null) return null;
        segments.push(name);
        i = close + 2;
      } else {
        const digits = text.slice(i + 1, close);
        if (!/^\d+$/.test(digits)) return null;
        segments.push(Number(digits));
        i = close + 1;
      }
      continue;
    }
    if (char === '.') {
      if (segments.length === 0) return null;
      i += 1;
    }
    const start = i;
    while (i < text.length && IDENTIFIER_CHAR.test(text[i] ?? '')) i += 1;
    if (i === start) return null;
    segments.push(text.slice(start, i));
  }
  return segments;
}

/** The index of the quote that closes the JSON string opening at `open`, or -1. */
function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return -1;
}

function readJsonString(literal: string): string | null {
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

/**
 * Where the problem at `path` should be marked in the text that `root` was parsed from:
 * - the value at the path when it exists (or its key, with `atKey`: an unknown field is the key's fault);
 * - when the path does not exist (a required field is missing), the nearest enclosing value that
 *   does: its key if it has one, else its first character, so a whole object is not underlined;
 * - the document's first character for the root, or when nothing matches.
 */
export function rangeOfPath(root: Node | undefined, path: readonly PathSegment[], atKey: boolean): TextRange {
  if (root === undefined) return { from: 0, to: 0 };
  // A problem with the whole document: its first character, not every line of it.
  if (path.length === 0) return { from: root.offset, to: root.offset + 1 };
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? root : findNodeAtLocation(root, path.slice(0, depth) as PathSegment[]);
    if (node === undefined) continue;
    const key = keyOf(node);
    if (depth === path.length) return atKey && key ? spanOf(key) : spanOf(node);
    return key ? spanOf(key) : { from: node.offset, to: node.offset + 1 };
  }
  return { from: root.offset, to: root.offset + 1 };
}

/** The key node of a property's value, when the value belongs to a property. */
function keyOf(node: Node): Node | undefined {
  const parent = node.parent;
  return parent?.type === 'property' && parent.children?.[1] === node ? parent.children[0] : undefined;
}

function spanOf(node: Node): TextRange {
  return { from: node.offset, to: node.offset + node.length };
}

/** 1-based line and column of an offset, as an editor's status bar counts them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
