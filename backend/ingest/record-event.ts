// Records one journey event: locks the request, applies the state machine, writes event + request
// + rollup mark in one transaction.
import type pg from 'pg';
import { inTransaction } from '../db/transaction.ts';
import { sql } from '../db/sql.ts';
import { applyEvent, EventInputError, FinalStatusError, IllegalTransitionError } from '../domain/journey.ts';
import type { ReferenceIndex, Status } from '../domain/reference.ts';
import { ConflictError, NotFoundError, ValidationError } from '../http/errors.ts';
import type { EventInput } from './event-input.ts';

export type RecordedEvent = {
  event_id: number;
  reference: string;
  status: Status;
  stage: string;
  progress_pct: number;
  kind: string;
  first_response_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  cancelled_at: string | null;
};

/** `id` is the numeric id or the reference number (S360-…). */
export async function recordEvent(
  pool: pg.Pool,
  ref: ReferenceIndex,
  id: string,
  input: EventInput
): Promise<RecordedEvent> {
  const stage = input.stage !== undefined ? ref.stage.get(input.stage) : undefined;
  if (input.stage !== undefined && !stage) {
    throw new ValidationError('the event is invalid', [
      { path: 'stage', message: `unknown stage "${input.stage}"; valid: ${[...ref.stage.keys()].join(', ')}` },
    ]);
  }
  const advisor = input.advisor !== undefined ? ref.advisor.get(input.advisor) : undefined;
  if (input.advisor !== undefined && !advisor) {
    throw new ValidationError('the event is invalid', [
      { path: 'advisor', message: `unknown advisor "${input.advisor}"` },
    ]);
  }
  return inTransaction(pool, async (client) => {
    const requestId = await resolveId(client, id);
    const { rows } = await client.query(sql('ingest/lock_request'), [requestId]);
    if (!rows.length) {
      throw new NotFoundError(`request ${id}`);
    }
    const current = rows[0];
    const occurredAt = input.occurred_at ? new Date(input.occurred_at).toISOString() : new Date().toISOString();
    let outcome;
    try {
      outcome = applyEvent(
        {
          status: current.status,
          stage: current.stage,
          progress_pct: current.progress_pct,
          created_at: current.created_at.toISOString(),
          first_response_at: current.first_response_at?.toISOString() ?? null,
          last_event_at: (current.last_event_at ?? current.created_at).toISOString(),
        },
        {
          status: input.status,
          stage,
          progress_pct: input.progress_pct,
          first_response: input.first_response,
          satisfaction: input.satisfaction,
          advisor: advisor !== undefined,
          occurred_at: occurredAt,
        }
      );
    } catch (err) {
      if (err instanceof IllegalTransitionError) {
        throw new ConflictError(err.message, [
          {
            path: input.status !== undefined ? 'status' : 'stage',
            message: `allowed: ${err.allowed.join(', ') || 'none'}`,
          },
        ]);
      }
      if (err instanceof FinalStatusError) {
        throw new ConflictError(
          err.message,
          err.fields.map((f) => ({ path: f, message: `cannot change while the request is ${err.status}` }))
        );
      }
      if (err instanceof EventInputError) {
        throw new ValidationError('the event is invalid', [{ path: err.path, message: err.message }]);
      }
      throw err;
    }
    const { rows: written } = await client.query(sql('ingest/insert_event'), [
      current.id,
      outcome.kind,
      current.status,
      outcome.to_status,
      outcome.stage,
      outcome.progress_pct,
      advisor?.id ?? null,
      input.actor ?? null,
      input.note ?? null,
      occurredAt,
      outcome.first_response_at,
      outcome.resolved_at !== undefined,
      outcome.resolved_at ?? null,
      outcome.closed_at !== undefined,
      outcome.closed_at ?? null,
      outcome.cancelled_at !== undefined,
      outcome.cancelled_at ?? null,
      outcome.satisfaction ?? null,
    ]);
    const w = written[0];
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    return {
      event_id: w.event_id,
      reference: w.reference,
      status: w.status,
      stage: w.stage,
      progress_pct: w.progress_pct,
      kind: outcome.kind,
      first_response_at: iso(w.first_response_at),
      resolved_at: iso(w.resolved_at),
      closed_at: iso(w.closed_at),
      cancelled_at: iso(w.cancelled_at),
    };
  });
}

async function resolveId(client: pg.PoolClient, id: string): Promise<number> {
  if (/^\d{1,15}$/.test(id)) {
    return Number(id);
  }
  if (/^S360-\d{1,15}$/.test(id)) {
    const { rows } = await client.query<{ id: number }>(sql('ingest/find_request_id'), [id]);
    if (rows.length) {
      return rows[0].id;
    }
  }
  throw new NotFoundError(`request ${id}`, 'path.id');
}
