import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { SCHEMA_PATH, cityJsonSchemaText } from './write-schema.ts';

test('the published JSON Schema is the one the zod schema gives (npm run city-schema)', () => {
  assert.equal(readFileSync(SCHEMA_PATH, 'utf8'), cityJsonSchemaText());
});

test('the Dubai file satisfies the published JSON Schema; a file with an unknown key does not', () => {
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(
    JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'))
  );
  const dubai = parse(
    readFileSync(join(fileURLToPath(import.meta.url), '../../../config/cities/dubai.yaml'), 'utf8')
  ) as { topics: Array<Record<string, unknown>> };
  assert.ok(validate(dubai), JSON.stringify(validate.errors));
  dubai.topics[0].colour = 'red';
  assert.equal(validate(dubai), false);
});
