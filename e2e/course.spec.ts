import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { getCourse } from '../src/course/chapters';
import { PROGRESS_STORAGE_KEY } from '../src/course/progress';
import { watchConsole } from './support';

const { chapters } = getCourse();
const first = chapters[0]!;
/** A chapter with a challenge and a diagnosis, for the graded parts. */
const graded = chapters.find((c) => c.challenge && c.diagnosis)!;

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}

async function answerQuiz(page: Page, chapter: typeof first, correctly: boolean): Promise<void> {
  for (const question of chapter.quiz.questions) {
    const option = question.options.find((o) => o.correct === correctly)!;
    const fieldset = page.getByTestId(`question-${question.id}`);
    await fieldset.getByLabel(option.text, { exact: true }).check();
    await expect(fieldset.getByRole('status')).toContainText(option.feedback);
  }
}

test.describe('the course', () => {
  test(`a learner reads chapter ${first.meta.number}, plays its scenario, answers its quiz, and finds the progress kept after a reload`, async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await page.goto('/#/learn');
    await expect(page.getByRole('heading', { name: 'The course', level: 2 })).toBeFocused();
    await page.getByRole('link', { name: first.meta.title, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#/learn/${first.slug}$`));
    await expect(page.getByRole('heading', { name: first.meta.title, level: 2 })).toBeVisible();

    const embed = page.locator('[data-testid^="course-scenario-"]').first();
    await embed.scrollIntoViewIfNeeded();
    await embed.getByRole('button', { name: 'Play', exact: true }).click();
    const trace = embed.getByTestId('course-trace-hash');
    await expect(trace).toHaveAttribute('data-status', 'playing', { timeout: 30_000 });
    await expect.poll(async () => Number(await trace.getAttribute('data-time-ms')), { timeout: 30_000 }).toBeGreaterThan(6000);
    await embed.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(trace).toHaveAttribute('data-status', 'paused');
    await expect(embed.getByTestId(/^embed-.*-processed$/).first()).not.toHaveText('0');
    await page.screenshot({ path: testInfo.outputPath('course-chapter-playing.png'), fullPage: false });

    await answerQuiz(page, first, true);
    const total = first.quiz.questions.length;
    await expect(page.getByTestId('quiz-score')).toHaveText(`${total} of ${total} answered correctly`);

    await page.reload();
    await expect(page.getByTestId('quiz-score')).toHaveText(`${total} of ${total} answered correctly`);
    await page.goto('/#/learn');
    await expect(page.getByTestId(`toc-progress-${first.slug}`)).toContainText(`quiz ${total} of ${total} right`);
    await page.screenshot({ path: testInfo.outputPath('course-contents.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  test('corrupted saved progress is discarded with a warning and the course still works', async ({ page }) => {
    const problems = watchConsole(page);
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await page.goto('/#/learn');
    await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"chapters":{"the-log":{"visited":"very"'), PROGRESS_STORAGE_KEY);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'The course', level: 2 })).toBeVisible();
    await expect(page.getByTestId(`toc-progress-${first.slug}`)).toContainText('not opened yet');
    // Console messages reach the test asynchronously: wait for the warning rather than read once.
    await expect.poll(() => warnings.some((w) => w.includes('saved course progress was discarded'))).toBe(true);
    await page.getByRole('link', { name: first.meta.title, exact: true }).click();
    await expect(page.getByTestId('quiz')).toBeVisible();
    expect(await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), PROGRESS_STORAGE_KEY)).toMatchObject({ version: 1, chapters: { [first.slug]: { visited: true } } });
    expect(problems).toEqual([]);
  });

  test('a challenge run names the condition that failed, and its solution passes', async ({ page }, testInfo) => {
    const challenge = graded.challenge!;
    await page.goto(`/#/learn/${graded.slug}`);
    const panel = page.getByTestId('challenge');
    await panel.scrollIntoViewIfNeeded();
    await panel.getByRole('button', { name: 'Run and grade' }).click();
    const result = panel.getByTestId('challenge-result');
    await expect(result).toHaveAttribute('data-passed', 'false', { timeout: 45_000 });
    await expect(result).toContainText('Not passed');
    await expect(result).toContainText(challenge.goals[0]!.label);
    await panel.screenshot({ path: testInfo.outputPath('course-challenge-failed.png') });

    for (const [path, value] of Object.entries(challenge.solution.patch)) {
      const knob = challenge.knobs.find((k) => k.path === path)!;
      if (knob.kind === 'choice') await panel.getByLabel(knob.label).selectOption({ label: knob.options.find((o) => o.value === value)!.label });
      else if (knob.kind === 'bool') await panel.getByLabel(knob.label).setChecked(value === true);
      else await panel.getByLabel(knob.label).fill(String(value));
    }
    await panel.getByRole('button', { name: 'Run and grade' }).click();
    await expect(result).toHaveAttribute('data-passed', 'true', { timeout: 45_000 });
    await panel.screenshot({ path: testInfo.outputPath('course-challenge-passed.png') });
  });

  test('predict, then run: the learner answers before playing and sees the prediction beside what the run showed', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    const chapter = chapters.find((c) => Object.keys(c.predictions).length > 0)!;
    const [scenarioId, prediction] = Object.entries(chapter.predictions)[0]!;
    const wrong = prediction.options.find((o) => o.id !== prediction.answer)!;
    const answer = prediction.options.find((o) => o.id === prediction.answer)!;
    await page.goto(`/#/learn/${chapter.slug}`);
    const embed = page.getByTestId(`course-scenario-${scenarioId}`);
    await embed.scrollIntoViewIfNeeded();
    const question = embed.getByTestId(`predict-${scenarioId}`);
    await expect(question).toContainText(prediction.question);
    await expect(embed.getByRole('button', { name: 'Play', exact: true })).toBeDisabled();

    await question.getByLabel(wrong.text, { exact: true }).check();
    await embed.getByRole('button', { name: 'Play', exact: true }).click();
    const trace = embed.getByTestId('course-trace-hash');
    await expect(trace).toHaveAttribute('data-status', 'playing', { timeout: 30_000 });
    await embed.getByRole('button', { name: 'Pause', exact: true }).click();
    await embed.getByRole('button', { name: 'Fast-forward to end' }).click();
    await expect(trace).toHaveAttribute('data-status', 'finished', { timeout: 45_000 });

    const result = embed.getByTestId('predict-result');
    await expect(result).toHaveAttribute('aria-live', 'polite');
    await expect(result).toContainText(`You predicted “${wrong.text}” — the run shows “${answer.text}”. Not this time. ${prediction.show.label}:`);
    await expect(result).toContainText(prediction.explanation);
    await embed.screenshot({ path: testInfo.outputPath('course-predict-result.png') });
    expect(await seriousViolations(page)).toEqual([]);

    // The prediction is kept: after a reload it is still chosen and Play is open.
    await page.reload();
    await embed.scrollIntoViewIfNeeded();
    await expect(question.getByLabel(wrong.text, { exact: true })).toBeChecked();
    await expect(embed.getByRole('button', { name: 'Play', exact: true })).toBeEnabled({ timeout: 30_000 });
    expect(await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), PROGRESS_STORAGE_KEY)).toMatchObject({
      version: 1,
      chapters: { [chapter.slug]: { predictions: { [scenarioId]: wrong.id } } },
    });
    expect(problems).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe: a chapter with quiz feedback and a diagnosis shown, ${colorScheme}`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(`/#/learn/${graded.slug}`);
      await expect(page.getByTestId('quiz')).toBeVisible();
      const question = graded.quiz.questions[0]!;
      const wrong = question.options.find((o) => !o.correct)!;
      await page.getByTestId(`question-${question.id}`).getByLabel(wrong.text, { exact: true }).check();
      const diagnosis = graded.diagnosis!;
      const panel = page.getByTestId('diagnose');
      await panel.getByLabel(diagnosis.options.find((o) => o.id === diagnosis.answer)!.text).check();
      await panel.getByRole('button', { name: 'Check my diagnosis' }).click();
      await expect(panel.getByTestId('diagnose-result')).toContainText('Right.');
      // Let the embeds that scrolled into view start, so their controls are scanned too.
      await expect(page.getByTestId('course-trace-hash').first()).toHaveAttribute('data-status', 'paused', { timeout: 30_000 });
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByTestId(`question-${question.id}`).screenshot({ path: testInfo.outputPath(`course-quiz-feedback-${colorScheme}.png`) });
      await page.screenshot({ path: testInfo.outputPath(`course-chapter-${colorScheme}.png`), fullPage: true });
    });
  }

  test('flashcards and search find the key terms', async ({ page }) => {
    await page.goto('/#/learn');
    await page.getByLabel('Search chapters, headings and terms').fill('offset');
    await expect(page.getByRole('status').getByRole('link', { name: 'committed offset' }).first()).toBeVisible();
    await page.getByRole('link', { name: 'Review key terms (flashcards)' }).click();
    const card = page.getByTestId('flashcard');
    await expect(card).toContainText(`Card 1 of ${chapters.reduce((n, c) => n + c.meta.keyTerms.length, 0)}`);
    await card.getByRole('button', { name: 'Show definition' }).click();
    await expect(card).toContainText(first.meta.keyTerms[0]!.definition);
  });
});
