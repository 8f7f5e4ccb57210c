// The SQL files keep to the tree's longest line (MAX_LINE_LENGTH, declared in eslint.config.js, which holds the
// code to it): ESLint does not read .sql files, so this test does, every one under backend/sql.
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function maxLineLength(): Promise<number> {
  const config: unknown = await import(pathToFileURL(join(root, 'eslint.config.js')).href);
  if (
    typeof config === 'object' &&
    config !== null &&
    'MAX_LINE_LENGTH' in config &&
    typeof config.MAX_LINE_LENGTH === 'number'
  ) {
    return config.MAX_LINE_LENGTH;
  }
  throw new Error('eslint.config.js exports no MAX_LINE_LENGTH');
}

function sqlFiles(dir: string): string[] {
  // Spread into this realm's array: fs's array is Node's, and under jest (a vm context) a strict deepEqual with a
  // literal array fails on the prototype alone.
  return [...readdirSync(dir, { withFileTypes: true })].flatMap((e) =>
    e.isDirectory() ? sqlFiles(join(dir, e.name)) : e.name.endsWith('.sql') ? [join(dir, e.name)] : []
  );
}

test('no line of a SQL file is longer than the limit ESLint holds the code to', async () => {
  const limit = await maxLineLength();
  const files = sqlFiles(join(root, 'backend/sql'));
  assert.ok(files.length > 100, `only ${files.length} SQL files found under backend/sql`);
  const long = files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => {
        const length = [...line].length;
        return length > limit ? [`${relative(root, file)}:${i + 1} (${length} characters)`] : [];
      })
  );
  assert.deepEqual(long, [], `lines over ${limit} characters: break them`);
});
