// Writes new requests: one statement for a whole batch (see sql/ingest/insert_requests.sql).
import pg from 'pg';
import { sqlFile, sqlTemplate } from '../db/sql.ts';
import { inTransaction } from '../db/transaction.ts';
import { bindNamed } from '../db/named-params.ts';
import { INSERT_INPUT_SQL, insertArrays } from './insert-input.ts';
import type { NewRequest } from './request-input.ts';
import { present } from '../domain/lookup.ts';

export type WrittenRequest = {
  id: number;
  reference: string;
  zone: { code: string; name_en: string; name_ar: string } | null;
  created: boolean;
};

type Row = {
  ord: number;
  id: number | null;
  reference: string | null;
  zone_code: string | null;
  zone_name_en: string | null;
  zone_name_ar: string | null;
  created: boolean;
};

/** The zone and SLA-policy lookups of the insert (the CSV import repeats them in Node: backend/import/zone-locator.ts, backend/demo/sla-policy.ts). */
const REQUEST_LOOKUPS = {
  zone_at_point: sqlFile('ingest/zone_at_point'),
  sla_policy_of: sqlFile('ingest/sla_policy_of'),
};
const INSERT_SQL = sqlTemplate('ingest/insert_requests', { ...REQUEST_LOOKUPS, insert_input: INSERT_INPUT_SQL });

/**
 * Runs the insert as a named statement with its generic plan: parsed and planned once per connection.
 * Left to itself PostgreSQL plans it anew on every call (its cost model prefers custom plans here), and
 * planning cost twice as much CPU as running it (1.1 of 1.6 ms per single request). The setting is
 * local to the statement's transaction, so other queries on the connection keep custom plans. A client
 * passed in may be inside the caller's transaction: then the statement just runs.
 */
async function insert(db: pg.Pool | pg.PoolClient, items: readonly NewRequest[]): Promise<pg.QueryResult<Row>> {
  const { text, values } = bindNamed(INSERT_SQL, insertArrays(items));
  const statement = { name: 'ingest/insert_requests', text, values };
  if (!(db instanceof pg.Pool)) {
    return db.query<Row>(statement);
  }
  return inTransaction(db, (client) => client.query<Row>(statement), 'generic-plan');
}

/**
 * Writes the requests; items repeating an earlier item's (source, external_id) in the same batch are
 * answered with that item's result. Idempotent: resubmitting returns the originals with created = false.
 */
export async function writeRequests(db: pg.Pool | pg.PoolClient, items: NewRequest[]): Promise<WrittenRequest[]> {
  const firstIndex = new Map<string, number>();
  const unique: NewRequest[] = [];
  const slot: number[] = [];
  for (const item of items) {
    const key = `${item.source}\u0000${item.external_id}`;
    let at = firstIndex.get(key);
    if (at === undefined) {
      at = unique.length;
      firstIndex.set(key, at);
      unique.push(item);
    }
    slot.push(at);
  }
  let rows: Row[] = [];
  // A concurrent insert of the same key may commit after our snapshot: then neither side of the
  // final join sees it. Running the statement again (a new snapshot) finds the original.
  for (let attempt = 0; attempt < 3; attempt++) {
    ({ rows } = await insert(db, unique));
    if (rows.every((r) => r.id !== null)) {
      break;
    }
  }
  const results = rows.map((r): WrittenRequest => ({
    // Still none after the retries: a concurrent writer kept winning; the error says so rather than a null id.
    id: present(r.id, "a written request's id"),
    reference: present(r.reference, "a written request's reference"),
    zone:
      r.zone_code && r.zone_name_en !== null && r.zone_name_ar !== null
        ? { code: r.zone_code, name_en: r.zone_name_en, name_ar: r.zone_name_ar }
        : null,
    created: r.created,
  }));
  const answered = new Set<number>();
  return slot.map((at) => {
    if (answered.has(at)) {
      return { ...results[at], created: false };
    }
    answered.add(at);
    return results[at];
  });
}
