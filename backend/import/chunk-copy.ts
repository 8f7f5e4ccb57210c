// A chunk's rows as COPY text for the final tables (customers, requests, request_events, rollup_pending),
// with what sql/ingest/insert_requests.sql computes in the database done here: the zone (by code, else
// by point with the SQL rule: zone-locator.ts), the SLA policy (the rule of sql/ingest/sla_policy_of.sql,
// backend/demo/sla-policy.ts), the customer, the journey and the rollup mark. Ids come from the
// sequences (reserved per chunk), handed out in the file's order.
//
// A row is turned into text as soon as it is read: only what depends on the database at write time
// (ids, zone, SLA policy) is left out and put in front of each line (the settled columns of each table in
// copy-columns.ts, where every column list is declared once). Rows are kept column by column: few objects
// live long enough to burden the garbage collector.
import type { ReferenceIndex } from '../domain/reference.ts';
import type { SlaPolicies } from '../demo/sla-policy.ts';
import { copyRest, copySettled, CUSTOMERS, REQUEST_EVENTS, REQUESTS } from './copy-columns.ts';
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

export type ChunkCopy = { customers: Buffer; requests: Buffer; events: Buffer; marks: Buffer };

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

/** Most bytes of the ids and settled columns in front of a line. */
const PREFIX_BYTES = 96;

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
  /** the requests line after (id, zone_id, sla_policy_id, customer_id), '\n' included: its start in `text`; */
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
   * `requestIds` (one per row) and `customerIds` (one per row with a customer), and the codes and ids used.
   */
  copyText(
    indexes: readonly number[],
    locator: ZoneLocator,
    policies: SlaPolicies,
    ref: ReferenceIndex,
    requestIds: readonly string[],
    customerIds: readonly string[]
  ): { text: ChunkCopy; references: ChunkReferences } {
    const lineEnd = (buf: Buffer, start: number) => buf.indexOf(10, start) + 1;
    const events = this.events.buf,
      text = this.text.buf;
    const customers = new Out(this.text.length + indexes.length * PREFIX_BYTES);
    const requests = new Out(this.text.length + indexes.length * PREFIX_BYTES);
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
      const slaPolicyId =
        policies.choose(this.category[k], this.topic[k], this.priority[k], this.createdMs[k] * 1000, this.channel[k])
          ?.id ?? null;
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
      requests.ascii(
        copySettled(REQUESTS, { id, zone_id: zoneId, sla_policy_id: slaPolicyId, customer_id: customerId })
      );
      requests.bytes(text, this.requestAt[k], lineEnd(text, this.requestAt[k]));
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
