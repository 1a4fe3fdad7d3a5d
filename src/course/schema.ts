/**
 * The course's data formats: a chapter's metadata, its quiz, its challenge and its diagnosis
 * exercise. Everything a chapter says outside its prose is data checked here, at load in the
 * page and again in content.test.ts, so a broken quiz can never ship.
 */
import { z } from 'zod';
import { pathProblem } from '../engine/scenario/metricPath';

/** A lower-case slug: chapter slugs, question ids, option ids, condition ids. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes, e.g. "hot-key"')
  .max(60);

const text = (max: number) => z.string().min(1).max(max);

/** A metric or knob path in the one grammar the grader reads (`lag.max`, `queues["orders.dlq"].depth`). */
const pathText = text(200).superRefine((path, ctx) => {
  const problem = pathProblem(path);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

/** A comparison between an observed value and a threshold. */
export const comparisonSchema = z.enum(['<', '<=', '>', '>=', '==', '!=']);

/** A term a learner should be able to define after the chapter: one flashcard. */
export const keyTermSchema = z.strictObject({
  /** The term as the chapter uses it, e.g. "high watermark". */
  term: text(80),
  /** One or two sentences, in the course's words. */
  definition: text(400),
});

/** What the table of contents, search and flashcards know of a chapter without loading its prose. */
export const chapterMetaSchema = z.strictObject({
  /** Position in the syllabus, 1-based. */
  number: z.int().min(1).max(99),
  title: text(80),
  /** One sentence: what the learner will be able to do. */
  summary: text(300),
  /** The chapter's `##` headings, in order (content.test.ts checks them against the MDX). */
  sections: z.array(text(100)).min(1).max(30),
  keyTerms: z.array(keyTermSchema).min(1).max(30),
  /**
   * The engine feature this chapter waits for before it can have live scenarios and a graded
   * challenge, e.g. "RabbitMQ exchanges and queues (issue 5)". Absent: the chapter runs today.
   */
  awaits: text(200).optional(),
});

export const quizOptionSchema = z.strictObject({
  id: slugSchema,
  text: text(300),
  /** Exactly one option per question is correct. */
  correct: z.boolean().default(false),
  /** Why this option is right or wrong; shown when the learner picks it. */
  feedback: text(600),
});

export const quizQuestionSchema = z
  .strictObject({
    id: slugSchema,
    prompt: text(500),
    options: z.array(quizOptionSchema).min(2).max(6),
  })
  .superRefine((question, ctx) => {
    const correct = question.options.filter((o) => o.correct).length;
    if (correct !== 1) ctx.addIssue({ code: 'custom', path: ['options'], message: `must have exactly one correct option, has ${correct}` });
    const ids = question.options.map((o) => o.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'option ids must be distinct' });
  });

export const quizSchema = z
  .strictObject({ questions: z.array(quizQuestionSchema).min(4).max(12) })
  .superRefine((quiz, ctx) => {
    const ids = quiz.questions.map((q) => q.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['questions'], message: 'question ids must be distinct' });
  });

/**
 * A condition over the run's metrics (`sim.metrics()`), e.g. "max lag of group billing stays at
 * or under 500 for the last 60 s": `{ metric: "groups.billing.lag.max", op: "<=", value: 500, forMs: 60000 }`.
 */
export const goalSchema = z.strictObject({
  id: slugSchema,
  /** The condition in words, shown to the learner and named in feedback when it fails. */
  label: text(200),
  /** Dot path into the metrics, e.g. "lost", "latencyMs.p99", "groups.billing.lag.perPartition.3". */
  metric: pathText,
  /** Optional dot path of a denominator: the condition is then on metric ÷ divideBy (0 when divideBy is 0). */
  divideBy: pathText.optional(),
  op: comparisonSchema,
  value: z.number(),
  /**
   * The condition must hold at every sample in the last forMs of the run, ms; without it, only
   * at the end of the run.
   */
  forMs: z.int().min(0).optional(),
});

/** A value a knob can take (null for settings such as deadLetterTopic that may be "none"). */
export const knobValueSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);

/** A setting the learner may change in a challenge: a dot path into the scenario document. */
export const knobSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('int'),
    /** Dot path into the scenario JSON, e.g. "consumerGroups.0.consumers". */
    path: pathText,
    label: text(100),
    help: text(300),
    min: z.number(),
    max: z.number(),
  }),
  z.strictObject({
    kind: z.literal('choice'),
    path: pathText,
    label: text(100),
    help: text(300),
    /** The values offered, each with the words the learner sees. */
    options: z.array(z.strictObject({ value: knobValueSchema, label: text(120) })).min(2).max(12),
  }),
  z.strictObject({
    kind: z.literal('bool'),
    path: pathText,
    label: text(100),
    help: text(300),
  }),
]);

/** A rule the learner's settings must obey, checked on the parsed scenario (defaults filled in). */
export const constraintSchema = z.strictObject({
  id: slugSchema,
  label: text(200),
  /** Dot path into the parsed scenario, e.g. "consumerGroups.0.consumers". */
  path: pathText,
  op: comparisonSchema,
  value: knobValueSchema,
});

/** A change for `sim.apply`, at a simulated time. The engine validates the change itself. */
export const timedChangeSchema = z.strictObject({
  /** Simulated time to apply it, ms. */
  atMs: z.int().min(0),
  change: z.looseObject({ type: z.string().min(1) }),
});

/** A way to play a challenge: knob values and/or live changes. */
export const solutionSchema = z.strictObject({
  /** Knob path → value, applied to the scenario document before it runs. */
  patch: z.record(z.string(), knobValueSchema).default({}),
  /** Live changes applied while it runs, in order of atMs. */
  changes: z.array(timedChangeSchema).max(100).default([]),
  /** Why it works (or, for a wrong solution, why it looks plausible). */
  explanation: text(1000),
});

export const challengeSchema = z.strictObject({
  id: slugSchema,
  title: text(100),
  /** The task, in a sentence or two. */
  prompt: text(800),
  /** Id of a scenario in the chapter's scenarios folder. */
  scenario: slugSchema,
  goals: z.array(goalSchema).min(1).max(8),
  /** Settings the learner may change, and only these. */
  knobs: z.array(knobSchema).min(1).max(8),
  constraints: z.array(constraintSchema).max(8).default([]),
  /** How often the goals with forMs are checked, simulated ms. */
  sampleEveryMs: z.int().min(100).max(60_000).default(1000),
  /** The stated solution: content.test.ts checks it passes. */
  solution: solutionSchema,
  /** Plausible wrong answers and the condition ids each must fail: content.test.ts checks them. */
  wrongSolutions: z
    .array(z.strictObject({ solution: solutionSchema, fails: z.array(slugSchema).min(1) }))
    .max(6)
    .default([]),
});

export const diagnosisSchema = z
  .strictObject({
    id: slugSchema,
    title: text(100),
    /** The symptom the learner is asked to explain. */
    prompt: text(800),
    /** Id of a scenario in the chapter's scenarios folder; its cause is not named anywhere the learner sees. */
    scenario: slugSchema,
    options: z.array(z.strictObject({ id: slugSchema, text: text(200), feedback: text(600) })).min(3).max(6),
    /** Id of the correct option. */
    answer: slugSchema,
    /** What the metrics show and why, shown once the learner names the cause. */
    explanation: text(1200),
    /** Conditions the scenario's metrics must meet if the cause is really there. */
    evidence: z.array(goalSchema).min(1).max(6),
    /** A patch that removes the cause: with it, at least one evidence condition must fail. */
    cure: solutionSchema,
  })
  .superRefine((diagnosis, ctx) => {
    if (!diagnosis.options.some((o) => o.id === diagnosis.answer)) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: `"${diagnosis.answer}" is not one of the option ids` });
    }
  });

/**
 * "Predict, then run": a question the learner answers before a chapter scenario plays, and the
 * option the unchanged run really shows. `evidence` proves it: content.test.ts runs the scenario
 * headlessly and fails when the evidence does not hold, so the course can never claim a wrong answer.
 */
export const predictionSchema = z
  .strictObject({
    /** The question, e.g. "What happens to lag when a fourth consumer joins three partitions?". */
    question: text(300),
    /** The choices, 2–4, in the order shown. */
    options: z.array(z.strictObject({ id: slugSchema, text: text(200) })).min(2).max(4),
    /** Id of the option the run shows. */
    answer: slugSchema,
    /** Why the run shows it, shown beside the learner's prediction after the run. */
    explanation: text(800),
    /** The number shown after the run as proof, e.g. `{ metric: "lost", label: "Acknowledged records lost" }`. */
    show: z.strictObject({
      /** Dot path into the run's metrics. */
      metric: pathText,
      /** What the number is, in words. */
      label: text(100),
    }),
    /** Conditions the unchanged run's metrics must meet if the answer is right (the grading format). */
    evidence: z.array(goalSchema).min(1).max(4),
  })
  .superRefine((prediction, ctx) => {
    const ids = prediction.options.map((o) => o.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'option ids must be distinct' });
    // "skipped" is what progress saves when the learner skips, so no option may take that id.
    if (ids.includes('skipped')) ctx.addIssue({ code: 'custom', path: ['options'], message: 'option id "skipped" is reserved' });
    if (!ids.includes(prediction.answer)) ctx.addIssue({ code: 'custom', path: ['answer'], message: `"${prediction.answer}" is not one of the option ids` });
  });

/** A chapter's predictions, by the id of the scenario (in its scenarios/ folder) each one precedes. */
export const predictionsSchema = z.record(slugSchema, predictionSchema).refine((p) => Object.keys(p).length <= 20, 'at most 20 predictions');
