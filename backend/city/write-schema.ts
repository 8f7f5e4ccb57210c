// Writes config/city.schema.json, the published JSON Schema of the city file, from the one zod schema
// (schema.ts). `npm run city-schema`; a test checks the committed file equals what this writes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CityFileSchema } from './schema.ts';

export const SCHEMA_PATH = join(fileURLToPath(import.meta.url), '../../../config/city.schema.json');

export function cityJsonSchemaText(): string {
  const schema = {
    $id: 'https://services360.example/config/city.schema.json',
    ...z.toJSONSchema(CityFileSchema, { target: 'draft-2020-12', io: 'input' }),
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_PATH, cityJsonSchemaText());
  console.log(`written ${SCHEMA_PATH}`);
}
