import { z } from 'zod';
import { scenarioSchema } from './schema';

/** Where the scenario JSON Schema is published (public/scenario.v1.schema.json on the site). */
export const SCENARIO_SCHEMA_ID = 'https://queuelab.dev/scenario.v1.schema.json';

/**
 * The JSON Schema (draft 2020-12) of the scenario format as written, defaults and field docs
 * included, for editors. Rules between fields (references, replicationFactor ≤ brokers…) are
 * beyond JSON Schema: only parseScenario checks those.
 */
export function scenarioJsonSchema(): object {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' });
  return { $schema: schema.$schema, $id: SCENARIO_SCHEMA_ID, ...schema };
}

/** The text of public/scenario.v1.schema.json, as scripts/writeJsonSchema.ts writes it. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
