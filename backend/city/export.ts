// `config export`: today's configuration as a city file (model.ts toFile), which applies back unchanged.
import type pg from 'pg';
import { Document, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import { inTransaction } from '../db/transaction.ts';
import { toFile } from './model.ts';
import { readState } from './read-state.ts';
import type { CityFile } from './schema.ts';

export async function exportCity(pool: pg.Pool): Promise<CityFile> {
  return inTransaction(pool, async (client) => toFile(await readState(client)), 'snapshot-read-only');
}

/** The file as YAML; names, hours and short lists on one line each ({ en: …, ar: … }, [mon, …]). */
export function cityFileText(file: CityFile): string {
  const doc = new Document(file);
  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key)) {
        return;
      }
      const v = pair.value;
      if (isMap(v) && ['name', 'proactive_action', 'applies_to'].includes(String(pair.key.value))) {
        v.flow = true;
      }
      if (isSeq(v) && v.items.every((i) => isScalar(i))) {
        v.flow = true;
      }
    },
  });
  return (
    '# Services 360 city configuration (JSON Schema: config/city.schema.json). Apply with services360 config apply FILE.\n' +
    doc.toString({ lineWidth: 0 })
  );
}
