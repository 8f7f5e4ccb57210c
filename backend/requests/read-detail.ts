// Reads a request's detail in one transaction (one snapshot of the request, its journey, its policy and
// its customer). A caller with the `pii` scope sees the customer unmasked, and that read is written to
// audit_log in the same transaction: if the audit row cannot be written, the transaction fails and nothing
// is returned. A masked read runs READ ONLY and writes nothing.
import type pg from 'pg';
import { inTransaction } from '../db/transaction.ts';
import { sql } from '../db/sql.ts';
import type { TokenIdentity } from '../auth/tokens.ts';
import type { ReferenceIndex } from '../domain/reference.ts';
import type { Language } from '../geo/read-params.ts';
import { NotFoundError } from '../http/errors.ts';
import { customerView, detailView, type RequestDetail } from './detail-view.ts';
import { liveClock } from './live-clock.ts';
import type { RequestKey } from './request-id.ts';
import type { CustomerRow, EventRow, PolicyRow, RequestRow } from './rows.ts';

/** The customer fields an unmasked read shows (recorded in the audit row). */
const PII_FIELDS = ['name', 'phone', 'email', 'national_id', 'language', 'home_zone'] as const;

/** Who reads: a token, or the command line (id null: `services360 find-request`, audited by its name). */
export type Reader = Omit<TokenIdentity, 'id'> & { id: number | null };

export async function readRequestDetail(
  pool: pg.Pool,
  ref: ReferenceIndex,
  key: RequestKey,
  reader: Reader,
  lang: Language,
  now: Date = new Date()
): Promise<RequestDetail> {
  const unmasked = reader.scopes.includes('pii');
  const shown =
    'id' in key
      ? String(key.id)
      : 'reference' in key
        ? key.reference
        : `with source "${key.source}" and external_id "${key.external_id}"`;
  // One snapshot; an unmasked read writes its audit row in the same transaction, and the personal data
  // leaves only after that commit.
  const { request, events, policy, customer } = await inTransaction(
    pool,
    async (client) => {
      let id: number | undefined;
      if ('id' in key) {
        id = key.id;
      } else if ('reference' in key) {
        id = (await client.query<{ id: number }>(sql('requests/find_by_reference'), [key.reference])).rows[0]?.id;
      } else {
        id = (await client.query<{ id: number }>(sql('requests/find_by_source'), [key.source, key.external_id])).rows[0]
          ?.id;
      }
      const found = id === undefined ? [] : (await client.query<RequestRow>(sql('requests/detail'), [id])).rows;
      if (!found.length) {
        throw new NotFoundError(`request ${shown}`, 'source' in key ? 'query.external_id' : 'path.id');
      }
      const request = found[0];
      const { rows: events } = await client.query<EventRow>(sql('requests/journey'), [request.id]);
      const policy =
        request.sla_policy_id === null
          ? null
          : ((await client.query<PolicyRow>(sql('requests/sla_policy'), [request.sla_policy_id])).rows[0] ?? null);
      const customer =
        request.customer_id === null
          ? null
          : ((await client.query<CustomerRow>(sql('requests/customer'), [request.customer_id])).rows[0] ?? null);
      if (unmasked && customer) {
        await client.query(sql('requests/audit_pii_read'), [
          reader.id,
          reader.name,
          String(customer.id),
          JSON.stringify({ request_id: request.id, reference: request.reference, fields: PII_FIELDS }),
        ]);
      }
      return { request, events, policy, customer };
    },
    unmasked ? 'snapshot' : 'snapshot-read-only'
  );
  return detailView(
    {
      request,
      events,
      policy,
      clock: policy ? liveClock(request, events, policy, now) : null,
      customer: customer ? customerView(customer, unmasked, lang) : null,
    },
    ref,
    lang
  );
}
