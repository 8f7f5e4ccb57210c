// A chunk's rows as COPY text for the final tables (customers, requests, request_events, rollup_pending),
// with what sql/ingest/insert_requests.sql computes in the database done here: the zone (by code, else
// by point with the SQL rule: zone-locator.ts), the SLA policy (the rule of sql/ingest/sla_policy_of.sql,
// backend/demo/sla-policy.ts), the customer, the journey and the rollup mark. Ids come from the
// sequences (reserved per chunk), handed out in the file's order.
//
// A row is turned into text as soon as it is read: only what depends on the database at write time
// (ids, zone, SLA policy and clock) is left out and put in front of each line (the settled columns of each table in
// copy-columns.ts, where every column list is declared once). Rows are kept column by column: few objects
// live long enough to burden the garbage collector.
//
// Given the instant of the SLA pass that follows the load (ClocksAtLoad), a row under a policy gets its SLA clock
// here too, and its warnings and breaches: the pass then has nothing left to evaluate (sla/clocks-at-load.ts). A row
// whose times carry more than microseconds (PostgreSQL rounds them, the clock would not) is left to the pass.
import type { ReferenceIndex } from '../domain/reference.ts';
import type { SlaPolicies, SlaPolicy } from '../demo/sla-policy.ts';
import { readIsoInstant } from '../domain/instant.ts';
import { ClocksAtLoad, SLA_COLUMNS, type LoadedRequest, type PolicyClock } from '../sla/clocks-at-load.ts';
import { copyValue } from './copy-text.ts';
import { copyRest, copySettled, CUSTOMERS, REQUEST_EVENTS, REQUESTS, REQUESTS_CLOCKED } from './copy-columns.ts';
import type { ImportRow } from './row-input.ts';
import type { ZoneLocator } from './zone-locator.ts';

/** The codes and ids a chunk refers to (for the set-based reference check). */
export type ChunkReferences = {
  channels: string[];
  categories: string[];
  topics: string[];
  departments: string[];
  statuses: string[];
  stages: string[];
  zoneIds: number[];
  slaPolicyIds: number[];
};

/** requests: without a clock (REQUESTS); clocked: with it (REQUESTS_CLOCKED); alerts: the clocks' (SLA_ALERTS). */
export type ChunkCopy = {
  customers: Buffer;
  requests: Buffer;
  clocked: Buffer;
  events: Buffer;
  alerts: Buffer;
  marks: Buffer;
};

/** Stored as PostgreSQL keeps it and read back to the millisecond (as the SLA pass reads it), or NaN. */
function exactMs(text: string): number {
  // toISOString's form (what the reader writes for times without an offset): exact for Date.parse.
  if (text.length === 24 && text.charCodeAt(23) === 90 && text.charCodeAt(10) === 84) {
    return Date.parse(text);
  }
  // More than microseconds: PostgreSQL rounds to microseconds (possibly into the next millisecond); not cut here.
  const fraction = /\.(\d+)/.exec(text);
  if (fraction && fraction[1].length > 6) {
    return NaN;
  }
  return readIsoInstant(text).ms ?? NaN;
}

const maybeMs = (text: string | null | undefined) => (text == null ? null : exactMs(text));

/**
 * What the SLA clocks of the rows read, column by column as the rest of StagedRows (no object per row lives until
 * the chunk is written): each row's status and times (ms; created NaN when a time is not read exactly: its clock is
 * left to the SLA pass), and its journey's statuses and instants, flat, from journeyStart.
 */
class StagedClocks {
  private readonly status: string[] = [];
  private readonly created: number[] = [];
  private readonly firstResponse: Array<number | null> = [];
  private readonly resolved: Array<number | null> = [];
  private readonly closed: Array<number | null> = [];
  private readonly cancelled: Array<number | null> = [];
  private readonly sourceDue: Array<number | null> = [];
  private readonly firstResponseClock: boolean[] = [];
  private readonly journeyStart: number[] = [];
  private readonly journeyTo: string[] = [];
  private readonly journeyAt: number[] = [];

  add({ request: r, journey: j }: ImportRow): void {
    const times = [maybeMs(j.first_response_at), maybeMs(j.resolved_at), maybeMs(j.closed_at), maybeMs(j.cancelled_at)];
    const due = maybeMs(r.due_at);
    let exact = !times.some(Number.isNaN) && !Number.isNaN(due);
    this.journeyStart.push(this.journeyTo.length);
    for (const e of j.events) {
      const at = exactMs(e.occurred_at);
      exact &&= !Number.isNaN(at);
      this.journeyTo.push(e.to_status);
      this.journeyAt.push(at);
    }
    this.status.push(j.status);
    this.created.push(exact ? exactMs(r.created_at) : NaN);
    this.firstResponse.push(times[0]);
    this.resolved.push(times[1]);
    this.closed.push(times[2]);
    this.cancelled.push(times[3]);
    this.sourceDue.push(due);
    this.firstResponseClock.push(r.first_response_clock !== false);
  }

  /** Row k's clock inputs, or null when one of its times is not read exactly. */
  row(k: number): { request: LoadedRequest; journey: Array<{ to: string; at: number }> } | null {
    const createdAt = this.created[k];
    if (Number.isNaN(createdAt)) {
      return null;
    }
    const end = k + 1 < this.journeyStart.length ? this.journeyStart[k + 1] : this.journeyTo.length;
    const journey: Array<{ to: string; at: number }> = [];
    for (let e = this.journeyStart[k]; e < end; e++) {
      journey.push({ to: this.journeyTo[e], at: this.journeyAt[e] });
    }
    return {
      request: {
        status: this.status[k],
        createdAt,
        firstResponseAt: this.firstResponse[k],
        resolvedAt: this.resolved[k],
        closedAt: this.closed[k],
        cancelledAt: this.cancelled[k],
        sourceDueAt: this.sourceDue[k],
        firstResponseClock: this.firstResponseClock[k],
      },
      journey,
    };
  }
}

/** UTF-8 text appended piece by piece into one growing buffer (no long-lived strings). */
class ByteLog {
  buf = Buffer.allocUnsafe(1 << 20);
  length = 0;

  /** Appends the text; returns where it starts. */
  append(text: string): number {
    const at = this.length;
    const most = text.length * 3;
    if (at + most > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, at + most));
      this.buf.copy(bigger, 0, 0, at);
      this.buf = bigger;
    }
    this.length += this.buf.write(text, at, 'utf8');
    return at;
  }
}

/** Writes ASCII text and byte ranges into one buffer of a known most size. */
class Out {
  readonly buf: Buffer;
  at = 0;
  constructor(most: number) {
    this.buf = Buffer.allocUnsafe(most);
  }
  ascii(text: string): void {
    this.at += this.buf.write(text, this.at, 'latin1');
  }
  bytes(from: Buffer, start: number, end: number): void {
    this.at += from.copy(this.buf, this.at, start, end);
  }
  done(): Buffer {
    return this.buf.subarray(0, this.at);
  }
}

/** Room for an event's request id (its one settled column; bigint: up to 19 digits) at the start of its line, filled in at write time. */
const ID_SLOT = ' '.repeat(19);

/** Writes the id right-aligned into its slot (int8 input skips leading spaces). */
function fillSlot(buf: Buffer, at: number, id: string): void {
  const pad = 19 - id.length;
  buf.fill(32, at, at + pad);
  for (let i = 0; i < id.length; i++) {
    buf[at + pad + i] = id.charCodeAt(i);
  }
}

/** Most bytes of the ids and settled columns in front of a line: four ids, then the SLA columns (each at most 48). */
const PREFIX_BYTES = 96 + SLA_COLUMNS.length * 48;

/** Checked rows, column by column, each already COPY text but for its ids, zone and SLA policy. */
export class StagedRows {
  readonly sources: string[] = [];
  readonly externalIds: string[] = [];
  private readonly lon: number[] = [];
  private readonly lat: number[] = [];
  private readonly zoneCode: Array<string | null> = [];
  private readonly category: string[] = [];
  private readonly channel: string[] = [];
  private readonly topic: Array<string | null> = [];
  private readonly priority: string[] = [];
  private readonly createdMs: number[] = [];
  /** resolution_due_at of a row without a clock, as COPY text: the source's due time, '\\N' when none */
  private readonly dueText: string[] = [];
  /** what the rows' SLA clocks read */
  private readonly clocks = new StagedClocks();
  /** the requests line after its settled columns (ids, zone, policy, SLA columns), '\n' included: its start in `text`; */
  private readonly requestAt: number[] = [];
  /** the customers line after (id, home_zone_id), '\n' included, or -1 without a customer */
  private readonly customerAt: number[] = [];
  /** the row's request_events lines (each starting with an id slot): the first line's index in eventAt */
  private readonly firstEvent: number[] = [];
  private readonly text = new ByteLog();
  /** start (the id slot) of each event line in `events` */
  private readonly eventAt: number[] = [];
  private readonly events = new ByteLog();
  private readonly codes = {
    channels: new Set<string>(),
    categories: new Set<string>(),
    topics: new Set<string>(),
    departments: new Set<string>(),
    statuses: new Set<string>(),
    stages: new Set<string>(),
  };
  /** journey shapes seen (history-journey.ts: the shape fixes the events' statuses and stages) */
  private readonly shapes = new Set<string>();

  get length(): number {
    return this.sources.length;
  }

  add(row: ImportRow): void {
    const r = row.request,
      j = row.journey,
      c = r.customer;
    this.sources.push(r.source);
    this.externalIds.push(r.external_id);
    this.lon.push(r.lon ?? NaN);
    this.lat.push(r.lat ?? NaN);
    this.zoneCode.push(r.zone_code);
    this.category.push(r.category);
    this.channel.push(r.channel);
    this.topic.push(r.topic);
    this.priority.push(r.priority);
    // created_at is toISOString's form (toNewRequest).
    this.createdMs.push(Date.parse(r.created_at));
    this.dueText.push(copyValue(r.due_at));
    this.clocks.add(row);
    this.requestAt.push(this.text.append(copyRest(REQUESTS, row)));
    // A customer row when any of its fields is given (as the SQL's coalesce(...) IS NOT NULL).
    const customer =
      c && (c.name != null || c.phone != null || c.email != null || c.national_id != null || c.language != null)
        ? c
        : null;
    this.customerAt.push(customer ? this.text.append(copyRest(CUSTOMERS, customer)) : -1);
    this.firstEvent.push(this.eventAt.length);
    // All the row's event lines in one append; their starts counted in characters, which are bytes when
    // the lines are ASCII (else counted again in bytes).
    const start = this.events.length;
    let lines = '';
    // A journey's statuses and stages depend on its shape alone: noted once per shape.
    const newShape = !this.shapes.has(j.shape);
    if (newShape) {
      this.shapes.add(j.shape);
    }
    for (const e of j.events) {
      const line = `${ID_SLOT}\t${copyRest(REQUEST_EVENTS, { event: e, source: r.source })}`;
      this.eventAt.push(start + lines.length);
      lines += line;
      if (!newShape) {
        continue;
      }
      this.codes.statuses.add(e.to_status);
      if (e.from_status !== null) {
        this.codes.statuses.add(e.from_status);
      }
      this.codes.stages.add(e.stage);
    }
    this.events.append(lines);
    if (this.events.length - start !== lines.length) {
      let at = start,
        e = this.firstEvent[this.firstEvent.length - 1];
      for (const line of lines.split('\n').slice(0, -1)) {
        this.eventAt[e++] = at;
        at += Buffer.byteLength(line) + 1;
      }
    }
    this.codes.channels.add(r.channel);
    this.codes.categories.add(r.category);
    if (r.topic !== null) {
      this.codes.topics.add(r.topic);
    }
    if (r.department !== null) {
      this.codes.departments.add(r.department);
    }
    if (newShape) {
      this.codes.statuses.add(j.status);
      this.codes.stages.add(j.stage);
    }
  }

  /**
   * The rows at `indexes` (in order) as COPY text, with their zone and SLA policy settled now, ids from
   * `requestIds` (one per row) and `customerIds` (one per row with a customer), and the codes and ids used; with
   * `clocks`, the SLA clock of each row under a policy it has the calendar of.
   */
  copyText(
    indexes: readonly number[],
    locator: ZoneLocator,
    policies: SlaPolicies<SlaPolicy & PolicyClock>,
    clocks: ClocksAtLoad | null,
    ref: ReferenceIndex,
    requestIds: readonly string[],
    customerIds: readonly string[]
  ): { text: ChunkCopy; references: ChunkReferences } {
    const lineEnd = (buf: Buffer, start: number) => buf.indexOf(10, start) + 1;
    const events = this.events.buf,
      text = this.text.buf;
    const customers = new Out(this.text.length + indexes.length * PREFIX_BYTES);
    const requests = new Out(this.text.length + indexes.length * PREFIX_BYTES);
    const clocked = new Out(this.text.length + indexes.length * PREFIX_BYTES);
    const alerts: string[] = [];
    // Every row written (the usual case): the event lines are sent as they are, their id slots filled in.
    const allRows = indexes.length === this.length;
    const eventsOut = allRows ? null : new Out(this.events.length);
    const zoneIds = new Set<number>(),
      slaPolicyIds = new Set<number>();
    let nextCustomer = 0;
    indexes.forEach((k, n) => {
      const id = requestIds[n];
      const code = this.zoneCode[k];
      const zoneId =
        code !== null
          ? (ref.zone.get(code)?.id ?? null)
          : Number.isNaN(this.lon[k])
            ? null
            : locator.locate(this.lon[k], this.lat[k]);
      // Policy bounds are in microseconds.
      const policy = policies.choose(
        this.category[k],
        this.topic[k],
        this.priority[k],
        this.createdMs[k] * 1000,
        this.channel[k]
      );
      const slaPolicyId = policy?.id ?? null;
      if (zoneId !== null) {
        zoneIds.add(zoneId);
      }
      if (slaPolicyId !== null) {
        slaPolicyIds.add(slaPolicyId);
      }
      const customerAt = this.customerAt[k];
      let customerId: string | null = null;
      if (customerAt >= 0) {
        customerId = customerIds[nextCustomer++];
        customers.ascii(copySettled(CUSTOMERS, { id: customerId, home_zone_id: zoneId }));
        customers.bytes(text, customerAt, lineEnd(text, customerAt));
      }
      const clock = clocks && policy && clocks.has(policy) ? this.clocks.row(k) : null;
      const ids = { id, zone_id: zoneId, sla_policy_id: slaPolicyId, customer_id: customerId };
      if (clocks && policy && clock) {
        clocked.ascii(
          copySettled(REQUESTS_CLOCKED, { ...ids, ...clocks.columns(id, clock.request, policy, clock.journey, alerts) })
        );
        clocked.bytes(text, this.requestAt[k], lineEnd(text, this.requestAt[k]));
      } else {
        requests.ascii(copySettled(REQUESTS, { ...ids, resolution_due_at: this.dueText[k] }));
        requests.bytes(text, this.requestAt[k], lineEnd(text, this.requestAt[k]));
      }
      const last = k + 1 < this.length ? this.firstEvent[k + 1] : this.eventAt.length;
      for (let e = this.firstEvent[k]; e < last; e++) {
        fillSlot(events, this.eventAt[e], id);
      }
      eventsOut?.bytes(
        events,
        this.eventAt[this.firstEvent[k]] ?? this.events.length,
        last < this.eventAt.length ? this.eventAt[last] : this.events.length
      );
    });
    const c = this.codes;
    return {
      text: {
        customers: customers.done(),
        requests: requests.done(),
        clocked: clocked.done(),
        alerts: Buffer.from(alerts.join(''), 'latin1'),
        events: eventsOut?.done() ?? events.subarray(0, this.events.length),
        marks: Buffer.from(`${requestIds.join('\n')}\n`, 'latin1'),
      },
      references: {
        channels: [...c.channels],
        categories: [...c.categories],
        topics: [...c.topics],
        departments: [...c.departments],
        statuses: [...c.statuses],
        stages: [...c.stages],
        zoneIds: [...zoneIds],
        slaPolicyIds: [...slaPolicyIds],
      },
    };
  }

  /** How many of the rows at `indexes` have a customer. */
  customers(indexes: readonly number[]): number {
    let n = 0;
    for (const k of indexes) {
      if (this.customerAt[k] >= 0) {
        n++;
      }
    }
    return n;
  }
}
