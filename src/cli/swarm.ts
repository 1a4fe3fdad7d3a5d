/**
 * `npm run swarm -- [--seeds N] [--from S] [--out DIR]`: runs N swarm seeds (default 10,000)
 * starting at S (default 0), every invariant checked after every event. For each failure it
 * prints the seed and the error and writes the shrunk scenario to DIR (default swarm-failures/)
 * so that `npm run sim -- DIR/seed-S.json` replays it. Exit code 1 when any seed failed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runSwarmSeed } from '../engine/testing/swarm';

const usage = 'usage: npm run swarm -- [--seeds N] [--from S] [--out DIR]';

function wholeNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) {
    process.stderr.write(`--${name} must be a whole number, got "${text}"\n${usage}\n`);
    process.exit(2);
  }
  return n;
}

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({ options: { seeds: { type: 'string' }, from: { type: 'string' }, out: { type: 'string' } } }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    process.exit(2);
  }
  const seeds = wholeNumber('seeds', values.seeds, 10_000);
  const from = wholeNumber('from', values.from, 0);
  const out = values.out ?? 'swarm-failures';
  const start = process.hrtime.bigint();
  let failures = 0;
  for (let seed = from; seed < from + seeds; seed++) {
    const result = runSwarmSeed(seed);
    if (!result.ok) {
      failures++;
      mkdirSync(out, { recursive: true });
      const file = join(out, `seed-${seed}.json`);
      writeFileSync(file, JSON.stringify(result.scenario, null, 2) + '\n');
      process.stdout.write(`seed ${seed} FAILED: ${result.error}\n  minimal scenario: ${file}\n  replay: npm run sim -- ${file}\n`);
    }
    if ((seed - from + 1) % 1000 === 0) process.stdout.write(`${seed - from + 1} seeds, ${failures} failed\n`);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(`swarm: ${seeds} seeds from ${from} in ${seconds.toFixed(1)} s, ${failures} failed\n`);
  process.exitCode = failures > 0 ? 1 : 0;
}

main();
