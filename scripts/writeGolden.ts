/**
 * `npm run golden`: records every built-in scenario's golden run (src/content/golden.ts) into
 * content/golden.json. Run it only when the engine changed a trace on purpose, after bumping
 * ENGINE_VERSION and adding a release note to the README.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE_VERSION } from '../src/engine/index.ts';
import { builtinScenarios } from '../src/content/builtins.ts';
import { runGolden, type GoldenFile } from '../src/content/golden.ts';

const file: GoldenFile = { engineVersion: ENGINE_VERSION, runs: {} };
for (const { id } of builtinScenarios) {
  file.runs[id] = runGolden(id);
  process.stdout.write(`${id}: ${file.runs[id].traceHash}\n`);
}
writeFileSync(join(import.meta.dirname, '..', 'content', 'golden.json'), `${JSON.stringify(file, null, 2)}\n`);
process.stdout.write(`content/golden.json written for engine ${ENGINE_VERSION}\n`);
