/**
 * The CodeMirror 6 extensions of the JSON editor. Colours are the page's CSS variables (defined
 * in editor.css), so light and dark mode follow the page. Tab is deliberately not bound
 * (no indentWithTab): keyboard users must be able to Tab out of the editor.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, lintKeymap, type Diagnostic } from '@codemirror/lint';
import type { Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import type { DraftProblem } from './checkDraft';

/** JSON tokens coloured by the page's variables, which have light and dark values with enough contrast. */
const jsonHighlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--cm-property)' },
  { tag: tags.string, color: 'var(--cm-string)' },
  { tag: tags.number, color: 'var(--cm-number)' },
  { tag: [tags.bool, tags.null], color: 'var(--cm-keyword)' },
  { tag: tags.invalid, color: 'var(--danger-text)' },
]);

/**
 * The editor's look: the page's colours (CSS variables pass into the shadow root the editor
 * lives in), its monospace font, a visible focus ring and a bounded height.
 */
const pageTheme = EditorView.theme({
  '&': {
    height: 'min(70vh, 640px)',
    fontSize: '0.875rem',
    color: 'var(--text)',
    backgroundColor: 'var(--surface)',
    border: '1px solid var(--border)',
    borderRadius: 'var(--radius-small)',
  },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': { color: 'var(--text-muted)', backgroundColor: 'var(--surface-sunken)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'var(--cm-active-line)' },
  '.cm-activeLineGutter': { color: 'var(--text)', backgroundColor: 'var(--cm-active-line)' },
  '.cm-selectionBackground, &.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground': { backgroundColor: 'var(--cm-selection)' },
  '.cm-lintRange-error': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy var(--cm-error)',
    textDecorationSkipInk: 'none',
    textUnderlineOffset: '3px',
  },
  '.cm-tooltip': { color: 'var(--text)', backgroundColor: 'var(--surface)', border: '1px solid var(--border)' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--cm-error)' },
  '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--cm-selection)', color: 'inherit' },
});

/** Everything the editor needs but its text, its label and its change listener. */
export function jsonEditorExtensions(ariaLabel: string, describedBy: string, onDocChange: (text: string) => void): Extension[] {
  return [
    pageTheme,
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightActiveLine(),
    drawSelection(),
    history(),
    bracketMatching(),
    json(),
    syntaxHighlighting(jsonHighlight),
    lintGutter(),
    keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
    EditorView.lineWrapping,
    // tabindex: the content is focusable anyway (contenteditable); saying so lets checkers such as
    // axe see that the scrolling area around it can be reached by keyboard.
    EditorView.contentAttributes.of({ 'aria-label': ariaLabel, 'aria-describedby': describedBy, tabindex: '0' }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onDocChange(update.state.doc.toString());
    }),
  ];
}

/** The draft's problems as lint diagnostics, clamped to the document (it may have changed since the check). */
export function diagnosticsOf(problems: readonly DraftProblem[], docLength: number): Diagnostic[] {
  return problems.map((problem) => {
    const from = Math.max(0, Math.min(problem.from, docLength));
    const to = Math.max(from, Math.min(problem.to, docLength));
    return { from, to, severity: 'error', message: problem.where === '' ? problem.message : `${problem.where}: ${problem.message}`, source: problem.kind === 'syntax' ? 'JSON' : 'scenario' };
  });
}

/**
 * The smallest single change from `before` to `after` (common prefix and suffix kept), so that a
 * form edit does not move the editor's cursor or scroll position.
 */
export function minimalChange(before: string, after: string): { from: number; to: number; insert: string } | null {
  if (before === after) return null;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore -= 1;
    endAfter -= 1;
  }
  return { from: start, to: endBefore, insert: after.slice(start, endAfter) };
}
