/**
 * The course is tested like code: every chapter loads and validates, every scenario parses,
 * every quiz has one right answer and feedback on every option, every challenge is solved by
 * its stated solution and failed without it (and by its wrong solutions, on the conditions they
 * name), and every diagnosis scenario really shows its cause in the metrics.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatScenarioError, parseScenario } from '../engine';
import { chapterSources, getCourse, parseChapter } from './chapters';
import { checkEvidence, gradeChallenge } from './grading';
import { checkPrediction } from './predict';
import type { Chapter } from './types';

const CHAPTERS_DIR = join(import.meta.dirname, '..', '..', 'content', 'chapters');
const mdxFiles = readdirSync(CHAPTERS_DIR).filter((name) => name.endsWith('.mdx'));

/** Props each MDX component received when the chapter rendered, by component name. */
async function renderChapter(chapter: Chapter): Promise<Record<string, Record<string, unknown>[]>> {
  const seen: Record<string, Record<string, unknown>[]> = { Scenario: [], Quiz: [], Challenge: [], Diagnose: [], CapacityCalculator: [] };
  const record = (name: string) => (props: Record<string, unknown>): ReactNode => {
    seen[name]!.push(props);
    return null;
  };
  const components = Object.fromEntries(Object.keys(seen).map((name) => [name, record(name)]));
  const module = await chapter.load();
  renderToStaticMarkup(createElement(module.default, { components }));
  return seen;
}

describe('the course', () => {
  it('validates every chapter folder, each with its own syllabus number', () => {
    const { chapters, problems } = getCourse();
    expect(problems).toEqual([]);
    expect(chapters).toHaveLength(chapterSources.length);
    expect(new Set(chapters.map((c) => c.meta.number)).size).toBe(chapters.length);
    expect(new Set(chapters.map((c) => c.slug)).size).toBe(chapters.length);
  });

  it('has one NN-slug.mdx file per chapter and no stray ones', () => {
    const expected = getCourse().chapters.map((c) => `${String(c.meta.number).padStart(2, '0')}-${c.slug}.mdx`);
    expect([...mdxFiles].sort()).toEqual([...expected].sort());
  });

  it('rejects a quiz question with two correct options, naming the file and path', () => {
    const source = chapterSources[0]!;
    const quiz = structuredClone(source.quiz) as { questions: { options: { correct?: boolean }[] }[] };
    for (const option of quiz.questions[0]!.options) option.correct = true;
    const parsed = parseChapter({ ...source, quiz });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatch(new RegExp(`^${source.slug}/quiz.json: questions.0.options: must have exactly one correct option`));
  });
});

describe.each(getCourse().chapters.map((chapter) => [`${chapter.meta.number} ${chapter.meta.title}`, chapter] as const))('chapter %s', (_, chapter) => {
  it('parses every scenario in its folder', () => {
    const errors = Object.entries(chapter.scenarios).flatMap(([id, json]) => {
      const parsed = parseScenario(json);
      return parsed.ok ? [] : parsed.errors.map((e) => `${id}: ${formatScenarioError(e)}`);
    });
    expect(errors).toEqual([]);
  });

  it('lists its ## headings in meta.sections, in order', () => {
    const file = `${String(chapter.meta.number).padStart(2, '0')}-${chapter.slug}.mdx`;
    const source = readFileSync(join(CHAPTERS_DIR, file), 'utf8');
    const headings = [...source.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
    expect(headings).toEqual(chapter.meta.sections);
  });

  it('renders its prose with live scenarios of its own, each with a try-this prompt, and its quiz', async () => {
    const seen = await renderChapter(chapter);
    // A chapter whose model the engine does not have yet says so in meta.awaits; every other one runs something.
    if (chapter.meta.awaits === undefined) {
      expect(seen.Scenario!.length).toBeGreaterThanOrEqual(1);
      expect(chapter.challenge).not.toBeNull();
    }
    for (const props of seen.Scenario!) {
      expect(Object.keys(chapter.scenarios)).toContain(props.id);
      expect(typeof props.tryThis === 'string' && props.tryThis.length > 20).toBe(true);
    }
    expect(seen.Quiz).toHaveLength(1);
    expect(seen.Challenge).toHaveLength(chapter.challenge ? 1 : 0);
    expect(seen.Diagnose).toHaveLength(chapter.diagnosis ? 1 : 0);
  });

  it('has a quiz of at least four questions, each with exactly one correct option and feedback on every option', () => {
    expect(chapter.quiz.questions.length).toBeGreaterThanOrEqual(4);
    for (const question of chapter.quiz.questions) {
      expect(question.options.filter((o) => o.correct)).toHaveLength(1);
      for (const option of question.options) expect(option.feedback.length).toBeGreaterThan(10);
    }
  });

  const challenge = chapter.challenge;
  if (challenge) {
    const scenario = chapter.scenarios[challenge.scenario];

    it(`solves the challenge "${challenge.title}" with its stated solution`, () => {
      const result = gradeChallenge(challenge, scenario, challenge.solution);
      expect(result.errors).toEqual([]);
      expect([...result.constraints, ...result.goals].filter((c) => !c.ok)).toEqual([]);
      expect(result.passed).toBe(true);
    });

    it('fails the challenge with no change, and says which condition failed', () => {
      const result = gradeChallenge(challenge, scenario, { patch: {} });
      expect(result.passed).toBe(false);
      const failed = [...result.constraints, ...result.goals].find((c) => !c.ok);
      expect(failed).toBeDefined();
      expect(result.feedback).toContain(failed!.label);
    });

    it.each(challenge.wrongSolutions.map((wrong, i) => [i, wrong] as const))('fails wrong solution %i on the conditions it names', (_, wrong) => {
      const result = gradeChallenge(challenge, scenario, wrong.solution);
      expect(result.errors).toEqual([]);
      expect(result.passed).toBe(false);
      const failed = [...result.constraints, ...result.goals].filter((c) => !c.ok).map((c) => c.id);
      expect(failed.sort()).toEqual([...wrong.fails].sort());
    });
  }

  it.each(Object.entries(chapter.predictions))('really shows the answer of its prediction on "%s"', async (scenarioId, prediction) => {
    const result = checkPrediction(prediction, chapter.scenarios[scenarioId]);
    expect(result.errors).toEqual([]);
    expect(result.goals.filter((g) => !g.ok)).toEqual([]);
    expect(result.holds).toBe(true);
    // The question is asked where the learner plays that scenario.
    const seen = await renderChapter(chapter);
    expect(seen.Scenario!.map((props) => props.id)).toContain(scenarioId);
  });

  const diagnosis = chapter.diagnosis;
  if (diagnosis) {
    const scenario = chapter.scenarios[diagnosis.scenario];

    it(`shows the hidden cause of "${diagnosis.title}" in the metrics`, () => {
      const evidence = checkEvidence(diagnosis, scenario);
      expect(evidence.errors).toEqual([]);
      expect(evidence.goals.filter((g) => !g.ok)).toEqual([]);
      expect(evidence.holds).toBe(true);
    });

    it('loses that evidence once the cause is removed', () => {
      const evidence = checkEvidence(diagnosis, scenario, diagnosis.cure);
      expect(evidence.errors).toEqual([]);
      expect(evidence.holds).toBe(false);
    });
  }
});
