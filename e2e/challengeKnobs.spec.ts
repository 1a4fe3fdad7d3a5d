import { mkdir } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { getCourse } from '../src/course/chapters';
import { watchConsole } from './support';

const SHOTS = process.env.E2E_SHOTS ?? 'test-results/shots';
/** A chapter whose challenge has a whole-number knob, the kind whose field the learner types into. */
const chapter = getCourse().chapters.find((c) => c.challenge?.knobs.some((k) => k.kind === 'int'))!;

test.describe('the course challenge\'s settings', () => {
  test('the help lines stay put as a field gains and loses focus, so the grade button does not move mid-click', async ({ page }) => {
    const problems = watchConsole(page);
    await mkdir(SHOTS, { recursive: true });
    const knob = chapter.challenge!.knobs.find((k) => k.kind === 'int')!;
    if (knob.kind !== 'int') throw new Error('no whole-number knob');
    await page.goto(`/#/learn/${chapter.slug}`);
    const panel = page.getByTestId('challenge');
    await panel.scrollIntoViewIfNeeded();
    const field = panel.getByLabel(knob.label);
    const help = panel.getByText(knob.help, { exact: true });
    const button = panel.getByRole('button', { name: 'Run and grade' });

    await page.mouse.move(0, 0);
    await expect(help).toBeVisible();
    const before = await button.boundingBox();
    await field.focus();
    await expect(help).toBeVisible();
    expect(await button.boundingBox()).toEqual(before);
    await page.screenshot({ path: `${SHOTS}/course-challenge-knob-focused.png` });
    await field.blur();
    await page.mouse.move(0, 0);
    await expect(help).toBeVisible();
    expect(await button.boundingBox()).toEqual(before);
    await page.screenshot({ path: `${SHOTS}/course-challenge-knob-blurred.png` });

    // Emptying the field to type a new number leaves it empty: refilling it mid-edit would put digits before the typed ones.
    const wanted = Math.min(knob.max, knob.min + 1);
    await field.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await expect(field).toHaveValue('');
    await page.keyboard.type(String(wanted));
    await expect(field).toHaveValue(String(wanted));
    // Left empty, the field shows the setting it still holds once focus moves on.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await field.blur();
    await expect(field).toHaveValue(String(wanted));
    expect(problems).toEqual([]);
  });
});
