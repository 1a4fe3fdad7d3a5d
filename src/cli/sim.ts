/**
 * The headless runner: `npm run sim -- <scenario.json | built-in id> [--seed N] [--until 90s] [--json | --events]
 * [--actions run.json] [--seeds N]`.
 * Prints a table (or the metrics object with --json; the event log before the table with --events). Exit codes: 0 ran, 2 invalid input, 1 the
 * run itself failed (a limit or an invariant).
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createSimulation, ENGINE_VERSION, formatScenarioError, parseActionLog, parseScenarioJson, type RecordedAction } from '../engine';
import { formatSpreadTable, spreadTable } from './seedSpread';
import { parseDurationMs } from './duration';
import { formatEventLog, formatMetricsTable } from './format';

const usage =
  'usage: npm run sim -- <scenario.json | built-in id> [--seed N] [--until 90s] [--json | --events] [--actions run.json] [--seeds N]';
const builtinDir = join(dirname(fileURLToPath(import.meta.url)), '../../content/scenarios');

function fail(code: number, lines: string[]): never {
  process.stderr.write(lines.join('\n') + '\n');
  process.exit(code);
}

function main(argv: string[]): void {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        seed: { type: 'string' },
        until: { type: 'string' },
        json: { type: 'boolean' },
        events: { type: 'boolean' },
        actions: { type: 'string' },
        seeds: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail(2, [(error as Error).message, usage]);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(usage + '\n');
    return;
  }
  if (positionals.length !== 1) fail(2, ['name one scenario file or built-in id', usage]);
  if (values.json && values.events) fail(2, ['--events prints the event log as text: use it without --json', usage]);
  const source = positionals[0]!;

  const builtinPath = join(builtinDir, `${source}.json`);
  const path = existsSync(source) ? source : /^[a-z0-9-]+$/.test(source) && existsSync(builtinPath) ? builtinPath : null;
  if (path === null) fail(2, [`no scenario file or built-in scenario named "${source}"`, usage]);
  const result = parseScenarioJson(readFileSync(path, 'utf8'));
  if (!result.ok) fail(2, [`${source}: the scenario is not valid:`, ...result.errors.map((e) => `  ${formatScenarioError(e)}`)]);

  let seed: number | undefined;
  if (values.seed !== undefined) {
    seed = Number(values.seed);
    if (!Number.isInteger(seed) || seed < 0 || seed > 4294967295) fail(2, [`--seed must be an integer from 0 to 4294967295, got "${values.seed}"`]);
  }
  let untilMs = result.scenario.durationMs;
  if (values.until !== undefined) {
    const parsedUntil = parseDurationMs(values.until);
    if (parsedUntil === null || parsedUntil <= 0) fail(2, [`--until must be a duration such as 90s, 1500ms or 2m, got "${values.until}"`]);
    untilMs = parsedUntil;
  }

  let actions: RecordedAction[] | undefined;
  if (values.actions !== undefined) {
    if (!existsSync(values.actions)) fail(2, [`--actions: no file "${values.actions}"`]);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(values.actions, 'utf8'));
    } catch (error) {
      fail(2, [`--actions ${values.actions}: not valid JSON: ${(error as Error).message}`]);
    }
    const log = parseActionLog(json);
    if (!log.ok) fail(2, [`--actions ${values.actions}: not a valid action log:`, ...log.errors.map((e) => `  ${e.path || '(root)'}: ${e.message}`)]);
    if (seed !== undefined && seed !== log.log.seed) {
      fail(2, [`--seed ${seed} contradicts the action log, which was recorded with seed ${log.log.seed}: drop --seed`]);
    }
    if (log.log.engineVersion !== ENGINE_VERSION) {
      process.stderr.write(`note: the action log was recorded with engine ${log.log.engineVersion}; this is engine ${ENGINE_VERSION}, so the replay may differ\n`);
    }
    seed = log.log.seed;
    actions = log.log.actions;
  }

  if (values.seeds !== undefined) {
    const count = Number(values.seeds);
    if (!Number.isInteger(count) || count < 1 || count > 1000) fail(2, [`--seeds must be a whole number from 1 to 1000, got "${values.seeds}"`]);
    if (values.events) fail(2, ['--events shows one run: use it without --seeds']);
    const first = seed ?? result.scenario.seed;
    const seeds = Array.from({ length: count }, (_, i) => (first + i) % 2 ** 32);
    const runs = seeds.map((s) => {
      const run = createSimulation(result.scenario, { seed: s, ...(actions ? { actions } : {}) });
      try {
        run.runUntil(untilMs);
      } catch (error) {
        fail(1, [`seed ${s}: the run stopped at ${run.now.toFixed(3)} ms: ${(error as Error).message}`]);
      }
      return run.metrics();
    });
    const spread = spreadTable(runs);
    if (values.json) process.stdout.write(JSON.stringify({ seeds, spread }, null, 2) + '\n');
    else process.stdout.write(formatSpreadTable(`${result.scenario.title} (${source})`, seeds, spread) + '\n');
    return;
  }

  const sim = createSimulation(result.scenario, { ...(seed === undefined ? {} : { seed }), ...(actions ? { actions } : {}) });
  try {
    sim.runUntil(untilMs);
  } catch (error) {
    fail(1, [`the run stopped at ${sim.now.toFixed(3)} ms: ${(error as Error).message}`]);
  }
  const metrics = sim.metrics();
  if (values.events) process.stdout.write(formatEventLog(sim.events(), sim.snapshot().eventsTotal) + '\n\n');
  if (values.json) process.stdout.write(JSON.stringify(metrics, null, 2) + '\n');
  else process.stdout.write(formatMetricsTable(`${result.scenario.title} (${source})`, sim.seed, metrics) + '\n');
}

main(process.argv.slice(2));
