import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'public/*.schema.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Scenario files come from strangers (share links, uploads): their strings are text, never
    // markup. React escapes text; these are the ways around it, so they are banned outright.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render data as text; markup from data is an XSS hole.' },
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Render data as text (textContent); markup from data is an XSS hole.' },
        { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|html)$/]", message: 'Render data as text (d3 .text(), textContent); markup from data is an XSS hole.' },
      ],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The engine is pure and deterministic: the same scenario and seed must give the same trace
    // in Node and in every browser, so it may not read the wall clock or an unseeded generator,
    // and it may not depend on the layers above it, not even for types.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded streams in engine/kernel/rng.ts.' },
        { object: 'Date', property: 'now', message: 'Simulated time only: use the scheduler clock.' },
        { object: 'performance', property: 'now', message: 'Simulated time only: use the scheduler clock.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'The engine has no timers: schedule a simulated event.' },
        { name: 'setInterval', message: 'The engine has no timers: schedule a simulated event.' },
        { name: 'window', message: 'The engine has no DOM.' },
        { name: 'document', message: 'The engine has no DOM.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'Simulated time only: the engine never reads the wall clock.' },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/worker/**', '**/app/**', '**/cli/**', 'react', 'react-dom', 'zustand', 'd3', 'd3-*'], message: 'The engine layer points down only: nothing in src/engine imports worker, app, cli or UI libraries, not even types.', allowTypeImports: false },
          ],
        },
      ],
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/app/**', 'react', 'react-dom'], message: 'The worker hosts the engine; it never imports the page.', allowTypeImports: false }] },
      ],
    },
  },
);
