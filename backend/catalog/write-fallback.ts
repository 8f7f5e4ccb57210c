// Writes src/datasource/catalog/fallback.ts, the copy of the catalogue's metrics and dimensions the datasource compiles
// in for when the aggregator cannot be reached, from the one declaration here (document.ts). `npm run catalog-fallback`;
// a unit test checks the committed file equals what this writes, an integration test that it equals what is served.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogDefinitions } from './document.ts';

export const FALLBACK_PATH = join(fileURLToPath(import.meta.url), '../../../src/datasource/catalog/fallback.ts');

export function fallbackText(): string {
  const json = JSON.stringify(catalogDefinitions(), null, 2);
  return [
    "// The catalogue's metrics and dimensions as GET /v1/catalog served them when the plugin was built: the editors' lists",
    '// while the aggregator cannot be reached. Written by `npm run catalog-fallback` (backend/catalog/write-fallback.ts); do not edit.',
    "import type { CatalogDefinitions } from './wire.ts';",
    '',
    `export const FALLBACK_DEFINITIONS: CatalogDefinitions = ${json};`,
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(FALLBACK_PATH, fallbackText());
  console.log(`written ${FALLBACK_PATH}`);
}
