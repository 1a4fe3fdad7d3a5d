/**
 * The scenario editor (`#/edit`, `#/edit/<builtin-id>`), loaded lazily: a form for the common
 * knobs and the JSON itself, kept in sync both ways, checked live by the engine's own parser.
 * The draft is kept in localStorage; nothing replaces edits without asking first.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { builtinScenarios } from '../../content/builtins';
import { hrefOf } from '../../course/route';
import { downloadText } from '../export/download';
import { useAppStore, useAppStoreApi, type AppStore } from '../store';
import { checkDraft, DRAFT_BYTES_MAX } from './checkDraft';
import { EditorActions } from './EditorActions';
import { fileNameFor, readUpload, textOf, type UploadResult } from './draftFile';
import { browserStorage, loadDraft, saveDraft, type Draft } from './draftStorage';
import { formGroups, setValue } from './formModel';
import { JsonEditor, type JsonEditorHandle } from './JsonEditor';
import type { PathSegment } from './jsonPaths';
import { ProblemList } from './ProblemList';
import { ScenarioForm } from './ScenarioForm';
import { builtinChoice, decideStart, describeBase, draftFrom, isEdited, type StartChoice } from './startDraft';
import { useDraftCheck } from './useDraftCheck';
import './editor.css';

/** Wait after the last edit before the draft is written to localStorage, ms. */
const SAVE_DELAY_MS = 300;

type UploadFailure = Extract<UploadResult, { ok: false }> & { name: string };

export default function EditorPage({ scenarioId }: { scenarioId: string | null }) {
  const store = useAppStoreApi();
  const labRequest = useAppStore((s) => s.acceptedRequest);
  const labTitle = useAppStore((s) => s.scenario?.title ?? 'Untitled scenario');
  const storage = useMemo(browserStorage, []);
  const [start] = useState(() => decideStart(scenarioId, loadDraft(storage)));
  const [draft, setDraft] = useState<Draft>(start.draft);
  const [notice, setNotice] = useState<string | null>(start.notice);
  const [ask, setAsk] = useState<StartChoice | null>(start.ask);
  const [upload, setUpload] = useState<UploadFailure | null>(null);
  const [kept, setKept] = useState(true);
  const { checked, checkNow } = useDraftCheck(draft.text);
  const editor = useRef<JsonEditorHandle>(null);
  const draftRef = useRef(draft);

  useEffect(() => {
    draftRef.current = draft;
    const timer = setTimeout(() => setKept(saveDraft(storage, draft)), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, storage]);

  const apply = useCallback((choice: StartChoice) => {
    setDraft(draftFrom(choice));
    setAsk(null);
    setUpload(null);
    setNotice(null);
    const target = hrefOf({ page: 'edit', scenarioId: choice.base.kind === 'builtin' ? choice.base.id : null });
    if (window.location.hash !== target) window.location.replace(target);
  }, []);

  /** Replaces the draft, or asks first when that would throw edits away. */
  const request = useCallback(
    (choice: StartChoice) => {
      const current = draftRef.current;
      if (isEdited(current) && choice.text !== current.text) setAsk(choice);
      else apply(choice);
    },
    [apply],
  );

  // A link to another built-in while the editor is open (the gallery, the back button).
  useEffect(() => {
    const current = draftRef.current;
    if (scenarioId === null || (current.base.kind === 'builtin' && current.base.id === scenarioId)) return;
    const choice = builtinChoice(scenarioId);
    if (choice) request(choice);
    else setNotice(`There is no built-in scenario "${scenarioId}". Choose one of ${builtinScenarios.map((s) => `"${s.id}"`).join(', ')} below.`);
  }, [scenarioId, request]);

  const keepDraft = useCallback(() => {
    setAsk(null);
    const base = draftRef.current.base;
    const target = hrefOf({ page: 'edit', scenarioId: base.kind === 'builtin' ? base.id : null });
    if (window.location.hash !== target) window.location.replace(target);
  }, []);

  const onJsonChange = useCallback((text: string) => setDraft((d) => (d.text === text ? d : { ...d, text })), []);

  const onFieldChange = useCallback(
    (path: PathSegment[], value: string | number | boolean) => {
      const text = draftRef.current.text;
      // Only a JSON document can be edited by path; the form is hidden otherwise, this guards a stale one.
      if (checkDraft(text).json === undefined) return;
      const next = setValue(text, path, value);
      setDraft((d) => ({ ...d, text: next }));
      checkNow(next);
    },
    [checkNow],
  );

  const result = checked.result;
  const fresh = checked.text === draft.text;
  const groups = useMemo(() => (result.json === undefined ? null : formGroups(result.json)), [result]);
  const problems = useMemo(() => (result.ok ? [] : result.problems), [result]);
  const problemsByPath = useMemo(() => {
    const byPath = new Map<string, string[]>();
    for (const problem of problems) if (problem.kind === 'scenario') byPath.set(problem.where, [...(byPath.get(problem.where) ?? []), problem.message]);
    return byPath;
  }, [problems]);

  function runInLab() {
    const now = checkDraft(draft.text);
    if (!now.ok) return;
    store.getState().loadEdited(now.scenario.title, now.json);
    playWhenReady(store);
    window.location.hash = hrefOf({ page: 'lab' });
  }

  async function onUpload(file: File) {
    // A file too large is refused before it is read.
    const text = file.size > DRAFT_BYTES_MAX ? '' : await file.text();
    const read = readUpload(file.name, text, file.size);
    if (read.ok) request({ base: { kind: 'file', name: file.name }, text: read.text });
    else setUpload({ ...read, name: file.name });
  }

  const startValue = draft.base.kind === 'builtin' ? draft.base.id : draft.base.kind;
  function onStartChange(value: string) {
    if (value === 'lab') {
      if (labRequest) request({ base: { kind: 'lab', title: labTitle }, text: textOf(labRequest.json) });
      return;
    }
    const choice = builtinChoice(value);
    if (choice) request(choice);
  }

  const runBlocker = !fresh ? 'Checking the draft…' : result.ok ? null : `Fix the ${problems.length} problem${problems.length === 1 ? '' : 's'} listed under the JSON to run it.`;

  return (
    <section className="editor-page" aria-labelledby="editor-title" data-testid="editor-page">
      <div className="editor-head">
        <h2 id="editor-title">Scenario editor</h2>
        <p className="editor-intro">
          Change the common knobs in the form or anything in the JSON; both stay in sync, and the simulator's own checks run as you type. Started from {describeBase(draft.base)}
          {isEdited(draft) ? ', edited' : ''}. {kept ? 'The draft is kept in this browser.' : 'This draft is too large to keep in this browser: download it to keep it.'}
        </p>
        <div className="editor-toolbar">
          <label className="picker">
            <span>Start from</span>
            <select value={startValue} onChange={(event) => onStartChange(event.target.value)} data-testid="editor-start">
              {builtinScenarios.map((scenario) => (
                <option key={scenario.id} value={scenario.id}>
                  {titleOf(scenario.json) ?? scenario.id}
                </option>
              ))}
              {(labRequest || draft.base.kind === 'lab') && <option value="lab">The lab's current scenario</option>}
              {draft.base.kind === 'file' && <option value="file">File: {draft.base.name}</option>}
            </select>
          </label>
          <EditorActions
            runBlocker={runBlocker}
            onRun={runInLab}
            onDownload={() => downloadText(fileNameFor(result.json), draft.text, 'application/json')}
            onUpload={(file) => void onUpload(file)}
            resetLabel={draft.base.kind === 'builtin' ? 'Reset to built-in' : 'Undo all edits'}
            canReset={isEdited(draft)}
            onReset={() => request({ base: draft.base, text: draft.baseText })}
          />
        </div>
        {notice && (
          <p className="editor-notice" role="status">
            {notice}
          </p>
        )}
        {ask && <AskReplace draft={draft} choice={ask} onReplace={() => apply(ask)} onKeep={keepDraft} />}
        {upload && (
          <div className="editor-upload-error error-panel" role="alert" data-testid="upload-error">
            <p>{upload.message}</p>
            {upload.problems.length > 0 && (
              <ul>
                {upload.problems.map((problem, i) => (
                  <li key={i}>
                    <code>{problem.where}</code>: {problem.message}
                  </li>
                ))}
              </ul>
            )}
            <div className="button-row">
              {upload.text !== null && (
                <button type="button" className="button" onClick={() => request({ base: { kind: 'file', name: upload.name }, text: upload.text ?? '' })}>
                  Open it anyway, to fix it here
                </button>
              )}
              <button type="button" className="button" onClick={() => setUpload(null)}>
                Dismiss
              </button>
            </div>
          </div>
        )}
      </div>
      <div className="editor-columns">
        <section className="panel editor-form-panel" aria-labelledby="editor-form-title">
          <h3 id="editor-form-title" className="panel-title">
            Knobs
          </h3>
          <ScenarioForm groups={groups} problemsByPath={problemsByPath} onChange={onFieldChange} />
        </section>
        <section className="panel editor-json-panel" aria-labelledby="editor-json-title">
          <h3 id="editor-json-title" className="panel-title">
            JSON
          </h3>
          <p id="editor-json-help" className="editor-help">
            Tab moves on to the next control (the editor never keeps it); Ctrl+Z undoes. Problems are underlined and listed under the editor.
          </p>
          <JsonEditor ref={editor} text={draft.text} problems={problems} onChange={onJsonChange} ariaLabel="Scenario JSON" describedBy="editor-json-help" />
          <ProblemList problems={problems} fresh={fresh} onGo={(offset) => editor.current?.focusAt(offset)} />
        </section>
      </div>
    </section>
  );
}

function AskReplace({ draft, choice, onReplace, onKeep }: { draft: Draft; choice: StartChoice; onReplace(): void; onKeep(): void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [choice]);
  return (
    <div className="editor-ask" role="alertdialog" aria-labelledby="editor-ask-title" aria-describedby="editor-ask-text" data-testid="editor-ask">
      <p id="editor-ask-title">
        <strong>Replace your edits?</strong>
      </p>
      <p id="editor-ask-text">
        Your draft of {describeBase(draft.base)} has edits. Opening {describeBase(choice.base)} replaces them; download the draft first to keep a copy.
      </p>
      <div className="button-row">
        <button type="button" className="button" ref={first} onClick={onKeep}>
          Keep editing my draft
        </button>
        <button type="button" className="button button-danger" onClick={onReplace}>
          Replace my edits
        </button>
      </div>
    </div>
  );
}

/** The lab opens the edited scenario paused; "Run in lab" means run, so play once it is ready. */
function playWhenReady(store: AppStore): void {
  const unsubscribe = store.subscribe((state) => {
    if (state.status === 'paused' && state.scenario?.source.kind === 'editor') {
      unsubscribe();
      state.play();
    } else if (state.status === 'failed' || state.pendingRequest?.source.kind !== 'editor') {
      // Refused, or the learner loaded something else meanwhile: nothing to play.
      unsubscribe();
    }
  });
}

function titleOf(json: unknown): string | undefined {
  return typeof json === 'object' && json !== null && 'title' in json && typeof json.title === 'string' ? json.title : undefined;
}
