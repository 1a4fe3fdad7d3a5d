import { expect, test } from '@playwright/test';
import { watchConsole } from './support';

test.describe('security and offline', () => {
  test('the built page carries a strict Content-Security-Policy and runs without violating it', async ({ page }) => {
    const problems = watchConsole(page);
    await page.addInitScript(() => {
      (window as unknown as { cspViolations: string[] }).cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`);
      });
    });
    await page.goto('/?scenario=consumer-crash&runTo=20000');
    await expect(page.getByTestId('trace-hash')).toHaveAttribute('data-time-ms', '20000', { timeout: 30_000 });
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    // An inline script is refused: the policy is live, not decorative.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
    });
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    expect(violations).toEqual(['script-src-elem: inline']);
    expect(problems.filter((p) => !p.includes('Content Security Policy'))).toEqual([]);
  });

  test('after the first visit the lab works offline (service worker)', async ({ page, context }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
    // Wait until the service worker controls the page and has precached the site.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
      }
    });
    await context.setOffline(true);
    await page.goto('/?scenario=hot-key&runTo=3000');
    await expect(page.getByRole('heading', { level: 1, name: 'Queuelab' })).toBeVisible();
    await expect(page.getByTestId('trace-hash')).toHaveAttribute('data-time-ms', '3000', { timeout: 30_000 });
    await context.setOffline(false);
  });
});
