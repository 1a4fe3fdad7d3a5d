/** Helpers shared by the journeys. */
import type { Page } from '@playwright/test';

/**
 * Collects console errors and uncaught page errors; a journey ends by expecting none. The page
 * must never log an error a learner's devtools would show.
 */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  return problems;
}

/** "12.345 s" → 12.345 */
export function seconds(text: string | null): number {
  const match = /^(\d+\.\d{3}) s$/.exec(text?.trim() ?? '');
  if (!match?.[1]) throw new Error(`not a simulated time: ${JSON.stringify(text)}`);
  return Number(match[1]);
}

/** "12,345" → 12345 */
export function count(text: string | null): number {
  const value = Number((text ?? '').replaceAll(',', '').trim());
  if (!Number.isFinite(value)) throw new Error(`not a count: ${JSON.stringify(text)}`);
  return value;
}
