/** The editor's buttons: run in the lab, download, upload and reset. */
import { useId, useRef } from 'react';

interface EditorActionsProps {
  /** Why the draft cannot run yet, or null when it can. */
  runBlocker: string | null;
  onRun(): void;
  onDownload(): void;
  onUpload(file: File): void;
  resetLabel: string;
  /** False when there is nothing to reset (the draft is unedited). */
  canReset: boolean;
  onReset(): void;
}

export function EditorActions({ runBlocker, onRun, onDownload, onUpload, resetLabel, canReset, onReset }: EditorActionsProps) {
  const fileId = useId();
  const reasonId = useId();
  const fileInput = useRef<HTMLInputElement>(null);

  return (
    <div className="editor-actions picker-row">
      <button type="button" className="button button-primary" onClick={onRun} disabled={runBlocker !== null} aria-describedby={runBlocker ? reasonId : undefined} data-testid="editor-run">
        Run in lab
      </button>
      <button type="button" className="button" onClick={onDownload} data-testid="editor-download">
        Download
      </button>
      <input
        id={fileId}
        ref={fileInput}
        className="visually-hidden-file"
        type="file"
        accept=".json,application/json"
        data-testid="editor-upload"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onUpload(file);
          // The same file again must be read again (after fixing it elsewhere, say).
          if (fileInput.current) fileInput.current.value = '';
        }}
      />
      <label className="button file-button" htmlFor={fileId}>
        Upload
      </label>
      <button type="button" className="button" onClick={onReset} disabled={!canReset}>
        {resetLabel}
      </button>
      {runBlocker && (
        <p className="editor-run-reason" id={reasonId} data-testid="editor-run-reason">
          {runBlocker}
        </p>
      )}
    </div>
  );
}
