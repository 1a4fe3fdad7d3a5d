/**
 * Writes public/scenario.v1.schema.json, the JSON Schema editors use to check and document
 * scenario files, from the zod schema the parser uses. Run after changing the format:
 * `npx tsx scripts/writeJsonSchema.ts`. A test fails while the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '../src/engine/scenario/jsonSchema';

const target = fileURLToPath(new URL('../public/scenario.v1.schema.json', import.meta.url));
writeFileSync(target, scenarioJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
