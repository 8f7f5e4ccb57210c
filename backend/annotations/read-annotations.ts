// GET /v1/annotations' answer: the annotations table's rows overlapping the range and the SLA policy
// versions coming into force within it, in time order. Both statements read one snapshot.
import type pg from 'pg';
import { inTransaction } from '../db/transaction.ts';
import { sql } from '../db/sql.ts';
import type { ReferenceIndex } from '../domain/reference.ts';
import type { AnnotationQuery } from './params.ts';
import { annotationOf, policyChangeOf, type AnnotationRow, type PolicyChangeRow, type WireAnnotation } from './view.ts';

/** At most this many rows from each source (a five-year range of annotations stays far below it). */
export const MAX_ANNOTATIONS = 5000;

export async function readAnnotations(
  pool: pg.Pool,
  ref: ReferenceIndex,
  q: AnnotationQuery
): Promise<WireAnnotation[]> {
  const from = q.from.toISOString();
  const to = q.to.toISOString();
  const wantPolicies = q.kinds === null || q.kinds.includes('policy_change');
  const [rows, policies] = await inTransaction(
    pool,
    async (client) =>
      [
        (
          await client.query<AnnotationRow>(sql('annotations/in_range'), [
            from,
            to,
            q.kinds,
            q.zoneIds,
            MAX_ANNOTATIONS,
          ])
        ).rows,
        wantPolicies
          ? (await client.query<PolicyChangeRow>(sql('annotations/sla_policy_changes'), [from, to, MAX_ANNOTATIONS]))
              .rows
          : [],
      ] as const,
    'snapshot-read-only'
  );
  const out = [
    ...rows.map((r) => annotationOf(r, q.language)),
    ...policies.map((p) => policyChangeOf(p, ref, q.language)),
  ];
  return out.sort((a, b) => a.time - b.time);
}
