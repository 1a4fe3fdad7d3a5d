/**
 * The form for the common knobs: one fieldset per part of the document, one labelled control per
 * knob the document has. A change rewrites only that value in the JSON; the parser's problems at
 * a knob's path are shown under it.
 */
import { useEffect, useState } from 'react';
import type { PathSegment } from './jsonPaths';
import { optionOf, readNumber, type FormField, type FormGroup } from './formModel';

interface ScenarioFormProps {
  /** The document's knobs, or null while the JSON text is not valid JSON. */
  groups: FormGroup[] | null;
  /** The parser's messages by path text ("topics[0].partitions"). */
  problemsByPath: ReadonlyMap<string, readonly string[]>;
  onChange(path: PathSegment[], value: string | number | boolean): void;
}

export function ScenarioForm({ groups, problemsByPath, onChange }: ScenarioFormProps) {
  if (groups === null) {
    return (
      <p className="editor-form-waiting" role="status" data-testid="form-waiting">
        The form is waiting for valid JSON: fix the syntax error shown in the JSON editor and the knobs come back. Your text is kept as it is.
      </p>
    );
  }
  if (groups.length === 0) {
    return <p className="editor-form-waiting">This document has none of the common knobs: edit it in the JSON view.</p>;
  }
  return (
    <form className="editor-form" aria-label="Common knobs" onSubmit={(event) => event.preventDefault()}>
      {groups.map((group) => (
        <fieldset key={group.id} className="editor-fieldset">
          <legend>{group.legend}</legend>
          {group.fields.map((field) => (
            <Field key={field.id} field={field} problems={problemsByPath.get(field.pathText) ?? []} onChange={onChange} />
          ))}
        </fieldset>
      ))}
    </form>
  );
}

function Field({ field, problems, onChange }: { field: FormField; problems: readonly string[]; onChange: ScenarioFormProps['onChange'] }) {
  const [inputProblem, setInputProblem] = useState<string | null>(null);
  const messages = inputProblem === null ? problems : [inputProblem, ...problems];
  const errorId = `${field.id}-error`;
  const invalidProps = messages.length > 0 ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  const set = (value: string | number | boolean) => onChange(field.path, value);

  let control;
  switch (field.kind) {
    case 'text':
      control = <input id={field.id} type="text" value={String(field.value)} onChange={(e) => set(e.target.value)} {...invalidProps} />;
      break;
    case 'textarea':
      control = <textarea id={field.id} rows={3} value={String(field.value)} onChange={(e) => set(e.target.value)} {...invalidProps} />;
      break;
    case 'checkbox':
      control = <input id={field.id} type="checkbox" checked={field.value === true} onChange={(e) => set(e.target.checked)} {...invalidProps} />;
      break;
    case 'select':
      control = (
        <select id={field.id} value={optionOf(field.value)} onChange={(e) => set(e.target.value)} {...invalidProps}>
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
      break;
    case 'integer':
    case 'number':
      control = <NumberInput field={field} kind={field.kind} onValue={set} onProblem={setInputProblem} invalidProps={invalidProps} />;
      break;
  }

  return (
    <div className={field.kind === 'checkbox' ? 'editor-field editor-field-check' : 'editor-field'} data-path={field.pathText}>
      <label htmlFor={field.id}>{field.label}</label>
      {control}
      {messages.length > 0 && (
        <p className="editor-field-error" id={errorId}>
          {messages.join('; ')}
        </p>
      )}
    </div>
  );
}

/**
 * A number keeps its own text while it is being typed ("1." or "" on the way to "1.5"); only a
 * number reaches the document, and text that is not one is explained instead.
 */
function NumberInput({
  field,
  kind,
  onValue,
  onProblem,
  invalidProps,
}: {
  field: FormField;
  kind: 'integer' | 'number';
  onValue(value: number): void;
  onProblem(message: string | null): void;
  invalidProps: object;
}) {
  const [text, setText] = useState(String(field.value));
  useEffect(() => {
    // The JSON changed underneath (typed there, or an upload): show its value unless this text already means it.
    setText((current) => (Number(current) === field.value && current.trim() !== '' ? current : String(field.value)));
    onProblem(null);
  }, [field.value, onProblem]);

  return (
    <input
      id={field.id}
      type="text"
      inputMode={kind === 'integer' ? 'numeric' : 'decimal'}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        const read = readNumber(event.target.value, kind);
        onProblem(read.ok ? null : read.message);
        if (read.ok && read.value !== field.value) onValue(read.value);
      }}
      {...invalidProps}
    />
  );
}
