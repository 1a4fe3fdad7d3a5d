/**
 * The form's model: which common knobs a scenario document has, and how changing one rewrites the
 * JSON text. The form only shows fields the document already has (a default the author did not
 * write stays out of the way), and an edit changes only that value's text, so the author's
 * layout and every other field survive a round trip through the form.
 */
import { applyEdits, modify } from 'jsonc-parser';
import { formatPath, type PathSegment } from '../../engine/scenario/errors';

/** How a knob is edited. */
export type KnobKind =
  /** One line of text. */
  | 'text'
  /** Several lines of text. */
  | 'textarea'
  /** A whole number. */
  | 'integer'
  /** Any finite number. */
  | 'number'
  /** One of `options`. */
  | 'select'
  /** true or false. */
  | 'checkbox';

/** A knob the form knows, relative to its section's item. */
interface KnobSpec {
  /** Path below the item, e.g. ["keys", "distribution"]. */
  key: readonly string[];
  /** The label, with the unit in words when there is one. */
  label: string;
  kind: KnobKind;
  /** The values a select offers (the engine's accepted values). */
  options?: readonly string[];
}

/** A list in the document (topics, producers…) whose items each get a fieldset. */
interface SectionSpec {
  /** Top-level field holding the list. */
  list: string;
  /** Fieldset legend for one item, e.g. "Topic". */
  noun: string;
  /** Field that names an item in its legend. */
  nameKey: string;
  knobs: readonly KnobSpec[];
}

/** One knob present in the document, ready to draw. */
export interface FormField {
  /** Stable DOM-safe id, derived from the path. */
  id: string;
  /** Where it lives in the document. */
  path: PathSegment[];
  /** The engine's path text, as its errors name it ("topics[0].partitions"). */
  pathText: string;
  label: string;
  kind: KnobKind;
  options?: readonly string[];
  /** The value as the document has it (a string, number or boolean). */
  value: string | number | boolean;
}

/** A fieldset of the form: the document's own knobs, or one item of a list. */
export interface FormGroup {
  id: string;
  legend: string;
  fields: FormField[];
}

const DOCUMENT_KNOBS: readonly KnobSpec[] = [
  { key: ['title'], label: 'Title', kind: 'text' },
  { key: ['description'], label: 'Description', kind: 'textarea' },
  { key: ['seed'], label: 'Seed', kind: 'integer' },
  { key: ['durationMs'], label: 'Duration (ms)', kind: 'integer' },
];

const PROCESSING_KNOBS: readonly KnobSpec[] = [
  { key: ['processingMs', 'dist'], label: 'Processing time distribution', kind: 'select', options: ['constant', 'exponential', 'uniform', 'lognormal'] },
  { key: ['processingMs', 'value'], label: 'Processing time (ms)', kind: 'number' },
  { key: ['processingMs', 'mean'], label: 'Mean processing time (ms)', kind: 'number' },
  { key: ['processingMs', 'min'], label: 'Shortest processing time (ms)', kind: 'number' },
  { key: ['processingMs', 'max'], label: 'Longest processing time (ms)', kind: 'number' },
  { key: ['processingMs', 'stddev'], label: 'Processing time std. deviation (ms)', kind: 'number' },
];

const SECTIONS: readonly SectionSpec[] = [
  {
    list: 'cluster',
    noun: 'Cluster',
    nameKey: '',
    knobs: [
      { key: ['brokers'], label: 'Brokers', kind: 'integer' },
      { key: ['networkLatencyMs'], label: 'Network latency (ms)', kind: 'number' },
    ],
  },
  {
    list: 'topics',
    noun: 'Topic',
    nameKey: 'name',
    knobs: [
      { key: ['partitions'], label: 'Partitions', kind: 'integer' },
      { key: ['replicationFactor'], label: 'Replication factor', kind: 'integer' },
      { key: ['minInsyncReplicas'], label: 'min.insync.replicas', kind: 'integer' },
    ],
  },
  {
    list: 'producers',
    noun: 'Producer',
    nameKey: 'id',
    knobs: [
      { key: ['ratePerSec'], label: 'Rate (records per second)', kind: 'number' },
      { key: ['arrival'], label: 'Arrivals', kind: 'select', options: ['poisson', 'constant'] },
      { key: ['keys', 'distribution'], label: 'Key distribution', kind: 'select', options: ['none', 'uniform', 'zipf', 'hot'] },
      { key: ['keys', 'count'], label: 'Distinct keys', kind: 'integer' },
      { key: ['keys', 'skew'], label: 'Zipf skew', kind: 'number' },
      { key: ['keys', 'hotShare'], label: 'Hot key share (0 to 1)', kind: 'number' },
      { key: ['acks'], label: 'acks', kind: 'select', options: ['0', '1', 'all'] },
      { key: ['lingerMs'], label: 'linger.ms (ms)', kind: 'number' },
      { key: ['enableIdempotence'], label: 'enable.idempotence', kind: 'checkbox' },
    ],
  },
  {
    list: 'consumerGroups',
    noun: 'Consumer group',
    nameKey: 'id',
    knobs: [
      { key: ['consumers'], label: 'Consumers', kind: 'integer' },
      { key: ['assignor'], label: 'Assignor', kind: 'select', options: ['range', 'roundrobin', 'sticky', 'cooperative-sticky'] },
      ...PROCESSING_KNOBS,
      { key: ['commit'], label: 'Commit', kind: 'select', options: ['after-process', 'before-process', 'auto'] },
      { key: ['maxPollRecords'], label: 'max.poll.records', kind: 'integer' },
      { key: ['sessionTimeoutMs'], label: 'session.timeout.ms (ms)', kind: 'integer' },
      { key: ['failures', 'transientRate'], label: 'Transient failure rate (0 to 1)', kind: 'number' },
      { key: ['retry', 'mode'], label: 'Retry mode', kind: 'select', options: ['in-place', 'retry-topics'] },
      { key: ['retry', 'maxAttempts'], label: 'Retry: attempts in all', kind: 'integer' },
      { key: ['retry', 'backoffMs'], label: 'Retry: first back-off (ms)', kind: 'integer' },
      { key: ['deadLetterTopic'], label: 'Dead-letter topic', kind: 'text' },
      { key: ['idempotent'], label: 'Idempotent processing', kind: 'checkbox' },
    ],
  },
  {
    list: 'queues',
    noun: 'RabbitMQ queue',
    nameKey: 'name',
    knobs: [
      { key: ['deliveryLimit'], label: 'Delivery limit', kind: 'integer' },
      { key: ['messageTtlMs'], label: 'Message TTL (ms)', kind: 'integer' },
      { key: ['maxLength'], label: 'Max length (messages)', kind: 'integer' },
    ],
  },
  {
    list: 'sqsQueues',
    noun: 'SQS queue',
    nameKey: 'name',
    knobs: [
      { key: ['visibilityTimeoutMs'], label: 'Visibility timeout (ms)', kind: 'integer' },
      { key: ['receiveWaitTimeMs'], label: 'Receive wait time (ms)', kind: 'integer' },
      { key: ['redrivePolicy', 'maxReceiveCount'], label: 'Redrive: maxReceiveCount', kind: 'integer' },
    ],
  },
  {
    list: 'publishers',
    noun: 'Publisher',
    nameKey: 'id',
    knobs: [
      { key: ['ratePerSec'], label: 'Rate (messages per second)', kind: 'number' },
      { key: ['arrival'], label: 'Arrivals', kind: 'select', options: ['poisson', 'constant'] },
    ],
  },
  {
    list: 'workers',
    noun: 'Workers',
    nameKey: 'id',
    knobs: [
      { key: ['count'], label: 'Workers', kind: 'integer' },
      { key: ['prefetchCount'], label: 'Prefetch count', kind: 'integer' },
      { key: ['maxMessages'], label: 'Max messages per receive', kind: 'integer' },
      ...PROCESSING_KNOBS,
      { key: ['onFailure'], label: 'On failure', kind: 'select', options: ['requeue', 'reject'] },
      { key: ['failures', 'rate'], label: 'Failure rate (0 to 1)', kind: 'number' },
    ],
  },
];

/** Most items of one list the form shows; the rest are edited in the JSON (a form of hundreds helps nobody). */
export const FORM_ITEMS_MAX = 20;

/** The form for a document: a group for its own knobs, then one per list item; only knobs it has. */
export function formGroups(json: unknown): FormGroup[] {
  if (!isRecord(json)) return [];
  const groups: FormGroup[] = [{ id: 'scenario', legend: 'Scenario', fields: fieldsOf(json, [], DOCUMENT_KNOBS) }];
  for (const section of SECTIONS) {
    const value = json[section.list];
    if (section.nameKey === '') {
      if (isRecord(value)) groups.push({ id: section.list, legend: section.noun, fields: fieldsOf(value, [section.list], section.knobs) });
      continue;
    }
    if (!Array.isArray(value)) continue;
    value.slice(0, FORM_ITEMS_MAX).forEach((item: unknown, index) => {
      if (!isRecord(item)) return;
      const name = item[section.nameKey];
      const legend = typeof name === 'string' && name !== '' ? `${section.noun} “${name}”` : `${section.noun} ${index + 1}`;
      groups.push({ id: `${section.list}-${index}`, legend, fields: fieldsOf(item, [section.list, index], section.knobs) });
    });
  }
  return groups.filter((group) => group.fields.length > 0);
}

function fieldsOf(item: Record<string, unknown>, base: PathSegment[], knobs: readonly KnobSpec[]): FormField[] {
  const fields: FormField[] = [];
  for (const knob of knobs) {
    const value = valueAt(item, knob.key);
    if (!fitsKind(value, knob)) continue;
    const path = [...base, ...knob.key];
    fields.push({
      id: `field-${path.join('-').replace(/[^A-Za-z0-9-]/g, '_')}`,
      path,
      pathText: formatPath(path),
      label: knob.label,
      kind: knob.kind,
      ...(knob.options ? { options: knob.options } : {}),
      value,
    });
  }
  return fields;
}

/** Whether the document's value can be shown by this kind of control (else it is left to the JSON). */
function fitsKind(value: unknown, knob: KnobSpec): value is string | number | boolean {
  switch (knob.kind) {
    case 'text':
    case 'textarea':
      return typeof value === 'string';
    case 'integer':
    case 'number':
      return typeof value === 'number';
    case 'checkbox':
      return typeof value === 'boolean';
    case 'select':
      // acks may be written as a number (0, 1, -1): shown as its string form.
      return (typeof value === 'string' || typeof value === 'number') && (knob.options ?? []).includes(optionOf(value));
  }
}

/** The select option for a document value: acks -1 is "all". */
export function optionOf(value: string | number | boolean): string {
  return value === -1 || value === '-1' ? 'all' : String(value);
}

function valueAt(item: Record<string, unknown>, key: readonly string[]): unknown {
  let node: unknown = item;
  for (const segment of key) {
    if (!isRecord(node)) return undefined;
    node = node[segment];
  }
  return node;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text with the value at `path` replaced, everything else left exactly as it was. */
export function setValue(text: string, path: readonly PathSegment[], value: string | number | boolean): string {
  const edits = modify(text, path as PathSegment[], value, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } });
  return applyEdits(text, edits);
}

/**
 * The number a number field's text means, or an explanation of why it is not one. The engine
 * checks the range; this only keeps text that is not a number out of the document.
 */
export function readNumber(text: string, kind: 'integer' | 'number'): { ok: true; value: number } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'enter a number' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `"${trimmed}" is not a number` };
  if (kind === 'integer' && !Number.isInteger(value)) return { ok: false, message: `must be a whole number, got ${trimmed}` };
  return { ok: true, value };
}
