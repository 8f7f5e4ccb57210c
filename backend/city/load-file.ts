// Reads a city file from disk and checks it (check-file.ts); a file that cannot be read is one problem naming it.
import { readFileSync } from 'node:fs';
import { CityFileError, readCityFile } from './check-file.ts';
import type { CityFile } from './schema.ts';

export function loadCityFile(path: string): CityFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CityFileError(path, [
      { path: '(file)', message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` },
    ]);
  }
  return readCityFile(text, path);
}
