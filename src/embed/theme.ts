/**
 * Forces the embed's colours to light or dark whatever the reader's system says. The stylesheets
 * switch colours with `@media (prefers-color-scheme: dark)`; rather than copying every colour into
 * a second set of rules (which would drift from the lab's), this turns those media rules on
 * (`all`) or off (`not all`) in place, through the CSSOM, which the CSP allows. Call it once,
 * after the stylesheets have loaded.
 */
import type { Theme } from './options';

const DARK_QUERY = /prefers-color-scheme:\s*dark/;

export function applyTheme(theme: Theme, doc: Document = document): void {
  if (theme === 'auto') return;
  doc.documentElement.style.colorScheme = theme;
  doc.documentElement.dataset.theme = theme;
  for (const sheet of Array.from(doc.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // a cross-origin sheet: not ours, and unreadable anyway
    }
    forceRules(rules, theme);
  }
}

function forceRules(rules: CSSRuleList, theme: 'light' | 'dark'): void {
  for (const rule of Array.from(rules)) {
    if (!(rule instanceof CSSMediaRule)) continue;
    if (DARK_QUERY.test(rule.media.mediaText)) rule.media.mediaText = theme === 'dark' ? 'all' : 'not all';
    else forceRules(rule.cssRules, theme);
  }
}
