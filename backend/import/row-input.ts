// One CSV row → a checked request and its journey, with the API's own rules (requestInputSchema,
// checkCodes, toNewRequest) plus the history checks. Problems name the file's column; a bad row gets
// every problem it has, not only the first. The department (when mapped) overrides the topic's; a zone
// cell may hold a zone's code or its name; a due time may be a date alone (the end of that local day).
import type { z } from 'zod';
import type { ReferenceIndex, Status } from '../domain/reference.ts';
import type { ErrorDetail } from '../http/errors.ts';
import { zodDetails } from '../http/validate.ts';
import {
  checkCodes,
  requestInputSchema,
  toNewRequest,
  type NewRequest,
  type RequestInput,
} from '../ingest/request-input.ts';
import { buildJourney, checkHistory, STATUSES, type History, type Journey } from './history-journey.ts';
import type { CompiledMapping, FieldSource, ImportField } from './mapping.ts';
import type { LocalTimeReader } from './local-time.ts';
import { isPlaceholder, type PlaceholderPoint } from './placeholder-point.ts';

/** How a file writes what the API would refuse as it is (import-requests flags). */
export type RowOptions = {
  /** times without an offset are local times in this zone (absent: such times are refused) */
  localTimes?: LocalTimeReader | null;
  /** a point within a few metres of this one means "no location" */
  unknownLocation?: PlaceholderPoint | null;
};

const YES = new Set(['true', 'yes', 'y', '1', 't']);
const NO = new Set(['false', 'no', 'n', '0', 'f']);

export type ImportRow = { request: NewRequest; journey: Journey };
export type RowResult = { row: ImportRow; problems?: undefined } | { row?: undefined; problems: ErrorDetail[] };

/** The API's field paths → the import field they come from. */
const PATH_FIELD: Record<string, ImportField> = {
  'location.lon': 'lon',
  'location.lat': 'lat',
  location: 'lon',
  'customer.name': 'customer_name',
  'customer.phone': 'customer_phone',
  'customer.email': 'customer_email',
  'customer.national_id': 'customer_national_id',
  'customer.language': 'customer_language',
};
const CUSTOMER_FIELDS: Array<[ImportField, string]> = [
  ['customer_name', 'name'],
  ['customer_phone', 'phone'],
  ['customer_email', 'email'],
  ['customer_national_id', 'national_id'],
  ['customer_language', 'language'],
];
const PLAIN_FIELDS = [
  'source',
  'external_id',
  'channel',
  'category',
  'topic',
  'priority',
  'description',
  'address',
] as const;

/** `2026-11-29 06:00:00+00` (PostgreSQL's text form) → `2026-11-29T06:00:00+00:00`; anything else unchanged. */
export function normaliseTime(s: string): string {
  // Already ISO with a T and Z (the usual export): the rule below would give it back unchanged.
  if (
    s.length > 16 &&
    s.charCodeAt(10) === 84 &&
    s.charCodeAt(s.length - 1) === 90 &&
    s.charCodeAt(0) >= 48 &&
    s.charCodeAt(0) <= 57
  ) {
    return s;
  }
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)(Z|[+-]\d{2}(?::?\d{2})?)$/.exec(s.trim());
  if (!m) {
    return s;
  }
  return `${m[1]}T${m[2]}${m[3].length === 3 ? `${m[3]}:00` : m[3]}`;
}

export class RowReader {
  private readonly schema: ReturnType<typeof requestInputSchema>;
  private readonly timeSchema: z.ZodType<string | undefined>;
  private readonly sources: FieldSource[];
  private zoneNames: Map<string, string> | null = null;
  private departmentNames: Map<string, string> | null = null;

  /** Every row goes through the API's zod schema (requestInputSchema): its rules and its reasons. */
  constructor(
    private readonly mapping: CompiledMapping,
    private readonly ref: ReferenceIndex,
    maxDescription: number,
    private readonly now: () => Date = () => new Date(),
    private readonly options: RowOptions = {}
  ) {
    this.schema = requestInputSchema(maxDescription);
    this.timeSchema = this.schema.shape.created_at;
    this.sources = Object.values(mapping.fields);
  }

  /** How many cells a row of this file has. */
  get columns(): number {
    return this.mapping.header.length;
  }

  /** The file's name for a field (its column, or the field itself when it comes from a default). */
  label(field: ImportField): string {
    return this.mapping.fields[field]?.label ?? field;
  }

  read(record: string[]): RowResult {
    const v: Partial<Record<ImportField, string>> = {};
    const statusRaw = this.value(this.mapping.fields.status, record, null);
    for (const s of this.sources) {
      if (s.field === 'status') {
        if (statusRaw !== undefined) {
          v.status = statusRaw;
        }
        continue;
      }
      const x = this.value(s, record, statusRaw ?? null);
      if (x !== undefined) {
        v[s.field] = x;
      }
    }
    const problems: ErrorDetail[] = [];
    for (const field in v) {
      if (v[field as ImportField]?.includes('\u0000')) {
        problems.push({ path: field, message: 'contains a NUL character' });
        delete v[field as ImportField];
      }
    }

    const input: Record<string, unknown> = {};
    for (const f of PLAIN_FIELDS) {
      if (v[f] !== undefined) {
        input[f] = v[f];
      }
    }
    let located = false;
    if (v.lon !== undefined || v.lat !== undefined) {
      const lon = number(v.lon),
        lat = number(v.lat);
      // (The schema would call a text "required": zod 4 leaves the input out of its issues.)
      if (typeof lon === 'string') {
        problems.push({ path: 'lon', message: 'must be a number' });
      }
      if (typeof lat === 'string') {
        problems.push({ path: 'lat', message: 'must be a number' });
      }
      const placeholder = this.options.unknownLocation;
      if (typeof lon === 'number' && typeof lat === 'number' && placeholder && isPlaceholder(placeholder, lon, lat)) {
        located = false;
      } else if (typeof lon !== 'string' && typeof lat !== 'string') {
        input.location = { lon, lat };
        located = true;
      } else {
        located = true;
      }
    }
    // An export carries the zone beside the point; the zone counts only for rows without a point.
    if (!located && v.zone !== undefined) {
      input.zone = this.zoneCode(v.zone);
    }
    const customer: Record<string, string> = {};
    for (const [f, key] of CUSTOMER_FIELDS) {
      const value = v[f];
      if (value !== undefined) {
        customer[key] = value;
      }
    }
    if (Object.keys(customer).length) {
      input.customer = customer;
    }
    if (v.created_at !== undefined) {
      input.created_at = this.time(v.created_at);
    }
    if (v.due_at !== undefined) {
      input.due_at = this.time(v.due_at, true);
    }
    if (v.first_response_clock !== undefined) {
      const b = v.first_response_clock.trim().toLowerCase();
      if (YES.has(b)) {
        input.first_response_clock = true;
      } else if (NO.has(b)) {
        input.first_response_clock = false;
      } else {
        problems.push({ path: 'first_response_clock', message: 'must be true or false (yes/no, 1/0)' });
      }
    }
    let department: string | undefined;
    if (v.department !== undefined) {
      department = this.departmentCode(v.department);
      if (department === undefined) {
        problems.push({
          path: 'department',
          message: `unknown department "${v.department}"; valid: ${this.ref.departments.map((d) => d.code).join(', ')}`,
        });
      }
    }

    const parsed = this.schema.safeParse(input);
    if (!parsed.success) {
      problems.push(...zodDetails(parsed.error));
      // The codes are checked too, so the row's every problem is named at once.
      if (typeof input.channel === 'string' && typeof input.category === 'string') {
        problems.push(...checkCodes({ ...input, location: undefined } as RequestInput, this.ref, '', true));
      }
    } else {
      problems.push(...checkCodes(parsed.data, this.ref, '', true));
    }
    if (v.created_at === undefined) {
      problems.push({ path: 'created_at', message: 'required (an import keeps the original time)' });
    }

    const status = (v.status ?? 'received') as Status;
    const knownStatus = STATUSES.includes(status);
    if (!knownStatus) {
      problems.push({ path: 'status', message: `unknown status "${v.status}"; valid: ${STATUSES.join(', ')}` });
    }
    const history: History = { status, created_at: (input.created_at as string | undefined) ?? '' };
    for (const f of ['first_response_at', 'resolved_at', 'closed_at', 'cancelled_at'] as const) {
      const value = v[f];
      if (value === undefined) {
        continue;
      }
      const t = this.timeSchema.safeParse(this.time(value));
      if (t.success) {
        history[f] = t.data;
      } else {
        problems.push(...zodDetails(t.error).map((d) => ({ path: f, message: d.message })));
      }
    }
    if (v.satisfaction !== undefined) {
      const n = number(v.satisfaction);
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 5) {
        problems.push({ path: 'satisfaction', message: 'must be a whole number 1–5' });
      } else {
        history.satisfaction = n;
      }
    }
    if (knownStatus) {
      problems.push(...checkHistory(history));
    }
    if (problems.length || !parsed.success) {
      return this.fail(problems);
    }

    const request = toNewRequest(parsed.data, this.ref, parsed.data.created_at ? undefined : this.now());
    if (department !== undefined) {
      request.department = department;
    }
    const journey = buildJourney(history);
    // A source without first-response data: the start of work the journey is built with is no first response
    // it reported, so the request keeps none (it counts in no first-response median either).
    if (request.first_response_clock === false && history.first_response_at === undefined) {
      journey.first_response_at = null;
    }
    return { row: { request, journey } };
  }

  /** A time cell: a local time without an offset read in the file's zone (when given), else as written. */
  private time(text: string, dateMeansEndOfDay = false): string {
    const local = this.options.localTimes;
    return normaliseTime(local ? local.read(text, dateMeansEndOfDay) : text);
  }

  /** A zone cell: a zone's code as written, else its code or English or Arabic name ignoring case; else as written (refused as unknown). */
  private zoneCode(cell: string): string {
    const text = cell.trim();
    if (this.ref.zone.has(text)) {
      return text;
    }
    if (!this.zoneNames) {
      this.zoneNames = new Map();
      for (const z of this.ref.zones) {
        for (const key of [z.code, z.name_en, z.name_ar]) {
          const k = key.trim().toLowerCase();
          if (!this.zoneNames.has(k)) {
            this.zoneNames.set(k, z.code);
          }
        }
      }
    }
    return this.zoneNames.get(text.toLowerCase()) ?? text;
  }

  /** A department cell: its code, or its code or English or Arabic name ignoring case; undefined when none is. */
  private departmentCode(cell: string): string | undefined {
    const text = cell.trim();
    if (!this.departmentNames) {
      this.departmentNames = new Map(this.ref.departments.map((d) => [d.code, d.code]));
      for (const d of this.ref.departments) {
        for (const key of [d.code, d.name_en, d.name_ar]) {
          const k = key.trim().toLowerCase();
          if (!this.departmentNames.has(k)) {
            this.departmentNames.set(k, d.code);
          }
        }
      }
    }
    return this.departmentNames.get(text) ?? this.departmentNames.get(text.toLowerCase());
  }

  private value(s: FieldSource | undefined, record: string[], status: string | null): string | undefined {
    if (!s) {
      return undefined;
    }
    let x: string | undefined = s.index >= 0 ? record[s.index] : undefined;
    if (x !== undefined && s.whenStatus && (status === null || !s.whenStatus.has(status))) {
      x = undefined;
    }
    if (x !== undefined && x.trim() === '') {
      x = undefined;
    }
    if (x !== undefined && s.values) {
      const ours = s.values(x);
      // Mapped to none: the field stays empty (its default does not apply).
      if (ours === null) {
        return undefined;
      }
      x = ours;
    }
    return x ?? s.fallback;
  }

  private fail(problems: ErrorDetail[]): RowResult {
    const seen = new Set<string>();
    const out: ErrorDetail[] = [];
    for (const p of problems) {
      const field = PATH_FIELD[p.path] ?? (p.path.startsWith('customer') ? 'customer_name' : p.path);
      const path = p.path === 'customer' ? this.customerLabel() : this.label(field as ImportField);
      const key = `${path}\u0000${p.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push({ path, message: p.message });
      }
    }
    return { problems: out };
  }

  private customerLabel(): string {
    return (
      CUSTOMER_FIELDS.map(([f]) => this.mapping.fields[f]?.label)
        .filter(Boolean)
        .join('/') || 'customer'
    );
  }
}

/** A number cell, or the text itself when it is not one (so the schema says "must be a number"). */
function number(s: string | undefined): number | string | undefined {
  if (s === undefined) {
    return undefined;
  }
  const t = s.trim();
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? n : s;
}
