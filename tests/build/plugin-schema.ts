// Grafana's plugin.json schema (tests/schemas/plugin.schema.json, source noted in tests/schemas/README.md),
// compiled once with ajv; `problems(json)` lists each violation as "path: message".
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

const schema = JSON.parse(readFileSync(new URL('../schemas/plugin.schema.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;
// The schema names draft-07 without the trailing '#' ajv registers it under; the content is plain draft-07.
delete schema.$schema;

// strict: false — the schema uses `additionalItems` beside a single `items` schema, which strict mode rejects.
// unicodeRegExp: false — its patterns escape `-` (`\\-`), valid in Go's and JavaScript's plain regexps, not with /u.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
addFormats(ajv);
const validate = ajv.compile(schema);

export function pluginJsonProblems(json: unknown): string[] {
  if (validate(json)) {
    return [];
  }
  return (validate.errors ?? []).map(
    (e) =>
      `${e.instancePath || '/'}: ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`
  );
}
