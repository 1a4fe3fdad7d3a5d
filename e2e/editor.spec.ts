import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { watchConsole } from './support';

/** Screenshots go to SHOTS_DIR when set (to look at them), else beside the test's other output. */
function shotPath(testInfo: TestInfo, name: string): string {
  return process.env.SHOTS_DIR ? join(process.env.SHOTS_DIR, name) : testInfo.outputPath(name);
}

/** Serious and critical axe violations, as in a11y.spec.ts. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}

/**
 * The JSON editor's text as drawn. CodeMirror draws only the lines near the window, so this is
 * the start of the document: the fields these journeys change are all in its first 30 lines.
 */
async function jsonText(page: Page): Promise<string> {
  return (await page.locator('.cm-content .cm-line').allTextContents()).join('\n');
}

/** Selects a token on the line holding `lineText` by double-clicking it, then types over it. */
async function retype(page: Page, lineText: string, token: string, replacement: string) {
  const line = page.locator('.cm-line', { hasText: lineText });
  // The token's own highlighting span, not the lint underline that may wrap it.
  await line.locator('span:not(.cm-lintRange)', { hasText: new RegExp(`^${token}$`) }).dblclick();
  await page.keyboard.type(replacement);
}

const problems = (page: Page) => page.getByTestId('editor-problem');

test.describe('the scenario editor', () => {
  test('form and JSON stay in sync; errors are shown at their path; the edit runs in the lab', async ({ page }, testInfo) => {
    const consoleProblems = watchConsole(page);
    await page.goto('/#/edit/balanced');
    await expect(page.getByRole('link', { name: 'Editor' })).toHaveAttribute('aria-current', 'page');
    const partitions = page.getByLabel('Partitions', { exact: true });
    await expect(partitions).toHaveValue('6');
    await expect(page.getByTestId('editor-problems')).toContainText('No problems');

    // Form → JSON.
    await partitions.fill('12');
    await expect.poll(() => jsonText(page)).toContain('"partitions": 12,');
    await page.getByLabel('Title', { exact: true }).fill('Twelve, then eight partitions');
    await expect.poll(() => jsonText(page)).toContain('"title": "Twelve, then eight partitions",');
    await page.screenshot({ path: shotPath(testInfo, 'editor-valid.png'), fullPage: true });

    // JSON → form, with a scenario error at its path.
    await retype(page, '"partitions"', '12', '0');
    const underlined = page.locator('.cm-lintRange-error');
    await expect(underlined).toHaveText('0');
    await expect(problems(page)).toHaveText(['topics[0].partitions must be between 1 and 1024, got 0']);
    await expect(partitions).toHaveValue('0');
    await expect(partitions).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('editor-run')).toBeDisabled();
    await expect(page.getByTestId('editor-run-reason')).toHaveText('Fix the 1 problem listed under the JSON to run it.');
    await page.screenshot({ path: shotPath(testInfo, 'editor-errors.png'), fullPage: true });

    // The list moves the cursor to the problem.
    await page.getByLabel('Title', { exact: true }).focus();
    await problems(page).first().click();
    await expect(page.locator('.cm-editor')).toHaveClass(/cm-focused/);
    await expect(page.locator('.cm-activeLine')).toContainText('"partitions": 0');

    // A syntax error: the form waits and keeps nothing from being lost.
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(',');
    await expect(problems(page)).toHaveText([/^line \d+, column 1 nothing may follow the end of the document$/]);
    await expect(page.getByTestId('form-waiting')).toBeVisible();
    await page.keyboard.press('Backspace');
    await expect(page.getByTestId('form-waiting')).toHaveCount(0);

    // Fix it in the JSON.
    await retype(page, '"partitions"', '0', '8');
    await expect(page.getByTestId('editor-problems')).toContainText('No problems');
    await expect(partitions).toHaveValue('8');

    // Tab leaves the editor.
    await page.locator('.cm-content').focus();
    await page.keyboard.press('Tab');
    await expect(page.locator('.cm-editor')).not.toHaveClass(/cm-focused/);

    await page.getByTestId('editor-run').click();
    await expect(page).toHaveURL(/#\/$/);
    await expect(page.locator('#lab-title')).toHaveText('Twelve, then eight partitions');
    await expect(page.locator('[data-testid^="partition-orders-"]')).toHaveCount(8);
    await expect(page.getByTestId('trace-hash')).toHaveAttribute('data-status', /playing|finished/);
    await page.screenshot({ path: shotPath(testInfo, 'editor-run-in-lab.png') });
    expect(consoleProblems).toEqual([]);
  });

  test("starts from the lab's current scenario", async ({ page }) => {
    await page.goto('/?scenario=hot-key');
    await expect(page.locator('#lab-title')).toHaveText(/hot/i);
    const labTitle = await page.locator('#lab-title').textContent();
    await page.getByRole('link', { name: 'Editor' }).click();
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue('A balanced pipeline');
    await page.getByTestId('editor-start').selectOption('lab');
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue(labTitle ?? '');
    await expect(page.getByTestId('editor-page')).toContainText(`Started from the lab's scenario “${labTitle}”.`);
  });

  test('the draft survives a reload; switching away from edits asks first', async ({ page }, testInfo) => {
    await page.goto('/#/edit/balanced');
    await page.getByLabel('Consumers', { exact: true }).fill('5');
    await expect.poll(() => jsonText(page)).toContain('"consumers": 5,');
    await page.waitForTimeout(600); // the draft is saved 300 ms after the last edit
    await page.reload();
    await expect(page.getByLabel('Consumers', { exact: true })).toHaveValue('5');

    const start = page.getByTestId('editor-start');
    await start.selectOption('hot-key');
    const ask = page.getByRole('alertdialog', { name: 'Replace your edits?' });
    await expect(ask).toBeVisible();
    await expect(page.getByRole('button', { name: 'Keep editing my draft' })).toBeFocused();
    await page.screenshot({ path: shotPath(testInfo, 'editor-ask.png') });
    await page.getByRole('button', { name: 'Keep editing my draft' }).click();
    await expect(ask).toHaveCount(0);
    await expect(page.getByLabel('Consumers', { exact: true })).toHaveValue('5');
    await expect(start).toHaveValue('balanced');

    // A link to another built-in (the gallery's) asks too.
    await page.evaluate(() => (window.location.hash = '#/edit/hot-key'));
    await expect(ask).toBeVisible();
    await page.getByRole('button', { name: 'Replace my edits' }).click();
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue(/hot/i);
    await expect(page).toHaveURL(/#\/edit\/hot-key$/);
    await expect(page.getByRole('button', { name: 'Reset to built-in' })).toBeDisabled();
  });

  test('download and upload round-trip; a bad file is explained and the draft is kept', async ({ page }, testInfo) => {
    await page.goto('/#/edit/balanced');
    await page.getByLabel('Rate (records per second)').fill('450');
    await expect.poll(() => jsonText(page)).toContain('"ratePerSec": 450,');
    const edited = await jsonText(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('editor-download').click()]);
    expect(download.suggestedFilename()).toBe('a-balanced-pipeline.json');
    const saved = testInfo.outputPath('downloaded.json');
    await download.saveAs(saved);
    const savedText = await readFile(saved, 'utf8');
    expect(JSON.parse(savedText)).toMatchObject({ producers: [{ ratePerSec: 450 }] });

    await page.getByRole('button', { name: 'Reset to built-in' }).click();
    await page.getByRole('button', { name: 'Replace my edits' }).click();
    await expect(page.getByLabel('Rate (records per second)')).toHaveValue('300');

    const bad = testInfo.outputPath('bad.json');
    await writeFile(bad, '{"version": 1, "topics": [');
    await page.getByTestId('editor-upload').setInputFiles(bad);
    await expect(page.getByTestId('upload-error')).toContainText('bad.json is not valid JSON. Your draft is unchanged.');
    await page.screenshot({ path: shotPath(testInfo, 'editor-upload-error.png') });
    await expect(page.getByLabel('Rate (records per second)')).toHaveValue('300');

    await page.getByTestId('editor-upload').setInputFiles(saved);
    await expect(page.getByTestId('upload-error')).toHaveCount(0);
    await expect(page.getByLabel('Rate (records per second)')).toHaveValue('450');
    await expect.poll(() => jsonText(page)).toBe(edited);
    await expect(page.getByTestId('editor-start')).toHaveValue('file');
  });

  test('a title with markup is shown as text, in the editor and in the lab', async ({ page }) => {
    const consoleProblems = watchConsole(page);
    const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
    await page.goto('/#/edit/balanced');
    await page.getByLabel('Title', { exact: true }).fill(payload);
    await expect(page.getByTestId('editor-problems')).toContainText('No problems');
    await page.getByTestId('editor-run').click();
    await expect(page.locator('#lab-title')).toHaveText(payload);
    await expect(page.locator('#lab-title img, #lab-title script')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(consoleProblems).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`no serious or critical accessibility violations, valid and with errors, ${colorScheme}`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('/#/edit/balanced');
      await expect(page.getByTestId('editor-problems')).toContainText('No problems');
      expect(await seriousViolations(page)).toEqual([]);
      await retype(page, '"partitions"', '6', '0');
      await expect(problems(page)).toHaveCount(1);
      expect(await seriousViolations(page)).toEqual([]);
      if (colorScheme === 'dark') await page.screenshot({ path: shotPath(testInfo, 'editor-dark.png'), fullPage: true });
    });
  }

  test('on a narrow screen the JSON goes below the form', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 820, height: 1000 });
    await page.goto('/#/edit/slow-consumer');
    const form = await page.locator('.editor-form-panel').boundingBox();
    const json = await page.locator('.editor-json-panel').boundingBox();
    expect(form && json && json.y).toBeGreaterThan((form?.y ?? 0) + (form?.height ?? 0) - 1);
    await page.screenshot({ path: shotPath(testInfo, 'editor-narrow.png'), fullPage: true });
    // CodeMirror measures its lines only once they are near the window: look at it there.
    await page.locator('.editor-json-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shotPath(testInfo, 'editor-narrow-json.png') });
  });
});
