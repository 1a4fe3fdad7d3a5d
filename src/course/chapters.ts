/**
 * The course's chapters: each folder in content/chapters/ provides its data and a lazy loader
 * for its prose; here they are listed once, validated, and put in syllabus order. Adding a
 * chapter is adding its folder and one line below.
 */
import { chapter as theLog } from '../../content/chapters/the-log';
import { chapter as keysAndOrdering } from '../../content/chapters/keys-and-ordering';
import { chapter as consumerGroups } from '../../content/chapters/consumer-groups';
import { chapter as rebalances } from '../../content/chapters/rebalances';
import { chapter as whyQueues } from '../../content/chapters/why-queues';
import { chapter as fanOut } from '../../content/chapters/fan-out';
import { chapter as durability } from '../../content/chapters/durability';
import { chapter as deliverySemantics } from '../../content/chapters/delivery-semantics';
import { chapter as retries } from '../../content/chapters/retries';
import { chapter as deadLetterQueues } from '../../content/chapters/dead-letter-queues';
import { chapter as rabbitmq } from '../../content/chapters/rabbitmq';
import { chapter as sqsAndSns } from '../../content/chapters/sqs-and-sns';
import { chapter as backPressure } from '../../content/chapters/back-pressure';
import { chapter as observability } from '../../content/chapters/observability';
import { chapter as choosingABroker } from '../../content/chapters/choosing-a-broker';
import { chapter as patterns } from '../../content/chapters/patterns';
import { challengeSchema, chapterMetaSchema, diagnosisSchema, predictionsSchema, quizSchema, slugSchema } from './schema';
import type { Chapter, ChapterSource } from './types';
import type { z } from 'zod';

/** Every chapter folder, in any order (the syllabus order comes from each chapter's `number`). */
export const chapterSources: readonly ChapterSource[] = [
  theLog,
  keysAndOrdering,
  consumerGroups,
  rebalances,
  whyQueues,
  fanOut,
  durability,
  deliverySemantics,
  retries,
  deadLetterQueues,
  rabbitmq,
  sqsAndSns,
  backPressure,
  observability,
  choosingABroker,
  patterns,
];

export type ChapterParse = { ok: true; chapter: Chapter } | { ok: false; slug: string; errors: string[] };

/** Validates one chapter's data; every problem is reported with its file and path. */
export function parseChapter(source: ChapterSource): ChapterParse {
  const errors: string[] = [];
  const check = <T,>(file: string, schema: z.ZodType<T>, data: unknown): T | null => {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    for (const issue of result.error.issues) errors.push(`${source.slug}/${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return null;
  };
  if (!slugSchema.safeParse(source.slug).success) errors.push(`"${source.slug}" is not a valid chapter slug`);
  const meta = check('meta.json', chapterMetaSchema, source.meta);
  const quiz = check('quiz.json', quizSchema, source.quiz);
  const challenge = source.challenge === undefined ? null : check('challenge.json', challengeSchema, source.challenge);
  const diagnosis = source.diagnosis === undefined ? null : check('diagnosis.json', diagnosisSchema, source.diagnosis);
  const predictions = source.predictions === undefined ? {} : check('predictions.json', predictionsSchema, source.predictions);
  const referenced: [string, string | undefined][] = [
    ['challenge.json', challenge?.scenario],
    ['diagnosis.json', diagnosis?.scenario],
    ...Object.keys(predictions ?? {}).map((id): [string, string] => ['predictions.json', id]),
  ];
  for (const [file, id] of referenced) {
    if (id !== undefined && !Object.hasOwn(source.scenarios, id)) errors.push(`${source.slug}/${file}: scenario "${id}" is not in scenarios/`);
  }
  if (errors.length > 0 || !meta || !quiz || !predictions) return { ok: false, slug: source.slug, errors };
  return { ok: true, chapter: { slug: source.slug, meta, quiz, challenge, diagnosis, predictions, scenarios: source.scenarios, load: source.load } };
}

export interface Course {
  /** Valid chapters in syllabus order. */
  chapters: Chapter[];
  /** Chapters left out because their data did not validate (content.test.ts keeps this empty). */
  problems: { slug: string; errors: string[] }[];
}

let course: Course | null = null;

/** The course, validated once. A broken chapter is left out and reported, never a crash. */
export function getCourse(): Course {
  if (course) return course;
  const chapters: Chapter[] = [];
  const problems: Course['problems'] = [];
  for (const source of chapterSources) {
    const parsed = parseChapter(source);
    if (parsed.ok) chapters.push(parsed.chapter);
    else problems.push({ slug: parsed.slug, errors: parsed.errors });
  }
  chapters.sort((a, b) => a.meta.number - b.meta.number);
  course = { chapters, problems };
  return course;
}

/** The chapter with this slug, with its neighbours for previous / next navigation. */
export function findChapter(slug: string): { chapter: Chapter; previous: Chapter | null; next: Chapter | null } | null {
  const { chapters } = getCourse();
  const index = chapters.findIndex((c) => c.slug === slug);
  if (index < 0) return null;
  return { chapter: chapters[index]!, previous: chapters[index - 1] ?? null, next: chapters[index + 1] ?? null };
}
