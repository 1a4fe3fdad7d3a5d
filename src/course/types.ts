import type { MDXContent } from 'mdx/types';
import type { z } from 'zod';
import type {
  challengeSchema,
  chapterMetaSchema,
  comparisonSchema,
  constraintSchema,
  diagnosisSchema,
  goalSchema,
  keyTermSchema,
  knobSchema,
  knobValueSchema,
  predictionSchema,
  quizOptionSchema,
  quizQuestionSchema,
  quizSchema,
  solutionSchema,
  timedChangeSchema,
} from './schema';

export type Comparison = z.output<typeof comparisonSchema>;
export type KeyTerm = z.output<typeof keyTermSchema>;
export type ChapterMeta = z.output<typeof chapterMetaSchema>;
export type QuizOption = z.output<typeof quizOptionSchema>;
export type QuizQuestion = z.output<typeof quizQuestionSchema>;
export type Quiz = z.output<typeof quizSchema>;
export type Goal = z.output<typeof goalSchema>;
export type Knob = z.output<typeof knobSchema>;
export type KnobValue = z.output<typeof knobValueSchema>;
export type Constraint = z.output<typeof constraintSchema>;
export type TimedChange = z.output<typeof timedChangeSchema>;
export type Solution = z.output<typeof solutionSchema>;
/** What a learner submits: knob values and changes, no explanation needed. */
export type Attempt = Pick<Solution, 'patch'> & Partial<Pick<Solution, 'changes'>>;
export type Challenge = z.output<typeof challengeSchema>;
export type Diagnosis = z.output<typeof diagnosisSchema>;
export type Prediction = z.output<typeof predictionSchema>;

/** An MDX chapter module: its default export renders the prose with the components it is given. */
export type ChapterModule = { default: MDXContent };

/**
 * A chapter as its folder in content/chapters/<slug>/ provides it: unvalidated data plus a lazy
 * loader for the prose, so the table of contents never loads the chapters.
 */
export interface ChapterSource {
  /** URL slug, also the folder name, e.g. "the-log". */
  slug: string;
  meta: unknown;
  quiz: unknown;
  /** Absent when the chapter has no graded challenge yet. */
  challenge?: unknown;
  /** Absent when a diagnosis does not fit the chapter (chapters 1–3) or its model is not built yet. */
  diagnosis?: unknown;
  /** Absent when no scenario asks for a prediction: scenario id → prediction (predictions.json). */
  predictions?: unknown;
  /** Scenario documents (v1 JSON) by id: the file name without `.json`. */
  scenarios: Record<string, unknown>;
  /** Loads the compiled MDX. */
  load: () => Promise<ChapterModule>;
}

/** A chapter whose data passed validation. */
export interface Chapter {
  slug: string;
  meta: ChapterMeta;
  quiz: Quiz;
  challenge: Challenge | null;
  diagnosis: Diagnosis | null;
  /** Scenario id → the prediction asked before it plays; empty when none. */
  predictions: Record<string, Prediction>;
  scenarios: Record<string, unknown>;
  load: () => Promise<ChapterModule>;
}
