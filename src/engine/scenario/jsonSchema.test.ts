import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCENARIO_SCHEMA_ID, scenarioJsonSchemaText } from './jsonSchema';

const committedPath = new URL('../../../public/scenario.v1.schema.json', import.meta.url);

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  description?: string;
  default?: unknown;
  [key: string]: unknown;
}

/** Paths of every object property in the schema that has no description. */
function undocumented(node: SchemaNode, path: string): string[] {
  const found: string[] = [];
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    if (typeof child.description !== 'string' || child.description === '') found.push(`${path}.${name}`);
    found.push(...undocumented(child, `${path}.${name}`));
  }
  if (node.items) found.push(...undocumented(node.items, `${path}[]`));
  for (const option of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) found.push(...undocumented(option, path));
  return found;
}

describe('the scenario JSON Schema', () => {
  const committed = readFileSync(committedPath, 'utf8');

  it('is committed as generated: run `npx tsx scripts/writeJsonSchema.ts` after changing the format', () => {
    expect(committed).toBe(scenarioJsonSchemaText());
  });

  it('is valid JSON, draft 2020-12, with its $id and title', () => {
    const schema = JSON.parse(committed) as SchemaNode;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(SCENARIO_SCHEMA_ID);
    expect(schema.title).toBe('Queuelab scenario v1');
    // topics may be left out when queue-style sections stand in for them (parseScenario checks that).
    expect(schema.required).toEqual(['version']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('documents every field and carries the defaults', () => {
    const schema = JSON.parse(committed) as SchemaNode;
    expect(undocumented(schema, '')).toEqual([]);
    const group = schema.properties!.consumerGroups!.items!.properties!;
    expect(group.sessionTimeoutMs).toMatchObject({ type: 'integer', minimum: 6000, maximum: 1_800_000, default: 45_000 });
    expect(schema.properties!.producers!.items!.properties!.enableIdempotence).toMatchObject({ type: 'boolean', default: true });
    expect(schema.properties!.cluster!.properties!.brokers).toMatchObject({ default: 3, minimum: 1, maximum: 32 });
  });
});
