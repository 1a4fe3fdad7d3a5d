/**
 * The JSON view: a CodeMirror 6 editor created once per mount. React owns the text; the editor
 * reports edits up, and text changed elsewhere (the form, an upload) is applied as one minimal
 * change so the cursor stays where it was. Problems arrive as lint diagnostics.
 */
import { setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { DraftProblem } from './checkDraft';
import { diagnosticsOf, jsonEditorExtensions, minimalChange } from './codeMirrorSetup';

/** What the page may ask of the editor. */
export interface JsonEditorHandle {
  /** Puts the cursor at `offset`, scrolls it into view and focuses the editor. */
  focusAt(offset: number): void;
}

interface JsonEditorProps {
  text: string;
  /** The problems of the text last checked (placed by offset). */
  problems: readonly DraftProblem[];
  onChange(text: string): void;
  /** The editable area's accessible name. */
  ariaLabel: string;
  /** Id of the element that explains how to leave the editor and where its problems are listed. */
  describedBy: string;
  ref?: Ref<JsonEditorHandle>;
}

export function JsonEditor({ text, problems, onChange, ariaLabel, describedBy, ref }: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const initialText = useRef(text);

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!host.current) return;
    // CodeMirror injects its styles at run time. In a document that is a <style> element, which
    // the site's CSP (style-src 'self') refuses; in a shadow root it is a constructed stylesheet,
    // which CSP does not govern. (StrictMode mounts twice: the shadow root is reused.)
    const root = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
    const created = new EditorView({
      root,
      parent: root,
      state: EditorState.create({
        doc: initialText.current,
        extensions: jsonEditorExtensions(ariaLabel, describedBy, (next) => onChangeRef.current(next)),
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
  }, [ariaLabel, describedBy]);

  useEffect(() => {
    const current = view.current;
    if (!current) return;
    const change = minimalChange(current.state.doc.toString(), text);
    // The update listener reports this change back up; the page ignores a text it already has.
    if (change) current.dispatch({ changes: change });
  }, [text]);

  useEffect(() => {
    const current = view.current;
    if (!current) return;
    // CodeMirror maps diagnostics through later edits itself, so they need setting only when the check changes.
    current.dispatch(setDiagnostics(current.state, diagnosticsOf(problems, current.state.doc.length)));
  }, [problems]);

  useImperativeHandle(
    ref,
    () => ({
      focusAt(offset) {
        const current = view.current;
        if (!current) return;
        const anchor = Math.max(0, Math.min(offset, current.state.doc.length));
        current.dispatch({ selection: { anchor }, effects: EditorView.scrollIntoView(anchor, { y: 'center' }) });
        current.focus();
      },
    }),
    [],
  );

  return <div className="editor-json" ref={host} data-testid="json-editor" />;
}
