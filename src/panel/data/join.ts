// Joins zone codes to values from any frame: a table (a code field and a number field, as the aggregator's
// `format: table` grouped by zone) or time series (one frame per zone, the code in the number field's labels,
// reduced to one value). Optionally per capita. Pure: Grafana's display processor is handed in.
import type { DataFrame, DisplayProcessor, Field } from '@grafana/data';
import { displayNameOf, fieldByName, isNumberField, selectFrames } from './fields.ts';

export type Reducer = 'last' | 'sum' | 'mean' | 'max' | 'min';

export interface JoinOptions {
  /** refId or frame name; '' = the first frame that fits. */
  frame: string;
  /** Field (table) or label (time series) holding the zone code; '' = zone_code, code, zone. */
  codeField: string;
  /** The number field to map; '' = the first number field. */
  valueField: string;
  /** How several values for one zone become one (time series, repeated rows). */
  reducer: Reducer;
  perCapita: boolean;
  /** Per how many residents (10,000 → "per 10k residents"). */
  perCapitaBase: number;
  /** A zone absent from the frame: 'zero' (a count: no row means none), 'noData', or 'auto' (zero for counts). */
  missing: MissingValues;
}

export type MissingValues = 'auto' | 'zero' | 'noData';

/** Fields that count requests (or rate a count per resident): a zone without a row has none. */
const COUNT_FIELDS = new Set([
  'received',
  'closed',
  'backlog',
  'sla_warnings',
  'sla_breaches',
  'count',
  'requests',
  'received_per_10k',
]);
/** Of those, the rates per resident: zero only where the zone's population is known. */
const PER_RESIDENT_FIELDS = new Set(['received_per_10k']);

export interface ZoneValue {
  code: string;
  /** The value mapped to colour (per capita when asked; null = no data). */
  value: number | null;
  /** The value as in the frame (after reduction). */
  raw: number | null;
  /** The frame, field and row the value came from (data links use them); -1 for a zone filled as zero. */
  frame: DataFrame;
  field: Field;
  rowIndex: number;
  /** The zone had no row: its value is the zero of a count. */
  filled?: boolean;
}

export interface JoinResult {
  byCode: Map<string, ZoneValue>;
  /** The field whose config styles the map (a per-capita copy when asked), range set over the joined values. */
  field: Field | null;
  display: DisplayProcessor | null;
  /** Codes with a value but no zone. */
  unmatched: string[];
  kind: 'table' | 'labels' | 'none';
}

export const EMPTY_JOIN: JoinResult = { byCode: new Map(), field: null, display: null, unmatched: [], kind: 'none' };

const CODE_FIELDS = ['zone_code', 'code', 'zone'];

type Row = { code: string; value: number | null; frame: DataFrame; field: Field; rowIndex: number };

/**
 * @param populations zone code → residents (for per capita; a zone without population gets no per-capita value)
 * @param displayFor  Grafana's getDisplayProcessor for a field (the panel passes `field => getDisplayProcessor({field, theme})`)
 */
export function joinZoneValues(
  series: DataFrame[],
  populations: Map<string, number | null>,
  opts: JoinOptions,
  displayFor: (field: Field) => DisplayProcessor
): JoinResult {
  const frames = selectFrames(series, opts.frame);
  const rows = tableRows(frames, opts) ?? labelRows(frames, opts);
  if (!rows) {
    return EMPTY_JOIN;
  }

  const grouped = new Map<string, Row[]>();
  for (const r of rows.rows) {
    const list = grouped.get(r.code);
    if (list) {
      list.push(r);
    } else {
      grouped.set(r.code, [r]);
    }
  }

  const byCode = new Map<string, ZoneValue>();
  const unmatched: string[] = [];
  for (const [code, list] of grouped) {
    const raw = reduce(
      list.map((r) => r.value),
      opts.reducer
    );
    const last = list[list.length - 1];
    let value = raw;
    if (opts.perCapita) {
      const pop = populations.get(code);
      value = raw !== null && pop ? (raw / pop) * opts.perCapitaBase : null;
    }
    if (!populations.has(code)) {
      unmatched.push(code);
    }
    byCode.set(code, { code, value, raw, frame: last.frame, field: last.field, rowIndex: last.rowIndex });
  }

  if (fillsZero(rows.field, opts.missing) && rows.rows.length) {
    const { frame, field } = rows.rows[0];
    const perResident = PER_RESIDENT_FIELDS.has(field.name);
    for (const [code, pop] of populations) {
      if (byCode.has(code)) {
        continue;
      }
      const known = !!pop && pop > 0;
      const value = (opts.perCapita || perResident) && !known ? null : 0;
      byCode.set(code, {
        code,
        value,
        raw: perResident && !known ? null : 0,
        frame,
        field,
        rowIndex: -1,
        filled: true,
      });
    }
  }

  const field = styledField(
    rows.field,
    [...byCode.values()].map((z) => z.value),
    opts
  );
  return { byCode, field, display: displayFor(field), unmatched, kind: rows.kind };
}

/** Whether zones absent from the frame are zero: asked for, or (auto) the value field counts requests. */
export function fillsZero(field: Field, missing: MissingValues | undefined): boolean {
  if (missing === 'zero') {
    return true;
  }
  if (missing === 'noData') {
    return false;
  }
  return COUNT_FIELDS.has(field.name);
}

/** A table: the first frame with a code field and a number field. */
function tableRows(frames: DataFrame[], opts: JoinOptions) {
  for (const frame of frames) {
    const code = opts.codeField
      ? fieldByName(frame, opts.codeField)
      : CODE_FIELDS.map((n) => fieldByName(frame, n)).find((f) => f && !isNumberField(f));
    if (!code) {
      continue;
    }
    const value = opts.valueField
      ? fieldByName(frame, opts.valueField)
      : frame.fields.find((f) => isNumberField(f) && f !== code && f.name !== 'population');
    if (!value || !isNumberField(value)) {
      continue;
    }
    const rows: Row[] = [];
    for (let i = 0; i < frame.length; i++) {
      const c = code.values[i];
      if (c === null || c === undefined || c === '') {
        continue;
      }
      rows.push({ code: String(c), value: toNumber(value.values[i]), frame, field: value, rowIndex: i });
    }
    return { rows, field: value, kind: 'table' as const };
  }
  return null;
}

/** Time series: number fields whose labels carry the zone code, each reduced to one value. */
function labelRows(frames: DataFrame[], opts: JoinOptions) {
  const labelNames = opts.codeField ? [opts.codeField] : CODE_FIELDS;
  const rows: Row[] = [];
  let first: Field | null = null;
  for (const frame of frames) {
    for (const field of frame.fields) {
      if (!isNumberField(field) || !field.labels) {
        continue;
      }
      if (opts.valueField && field.name !== opts.valueField && displayNameOf(field) !== opts.valueField) {
        continue;
      }
      const label = labelNames.find((n) => field.labels?.[n] !== undefined);
      if (!label) {
        continue;
      }
      const values = field.values.map(toNumber);
      rows.push({
        code: String(field.labels[label]),
        value: reduce(values, opts.reducer),
        frame,
        field,
        rowIndex: lastIndex(values),
      });
      first ??= field;
    }
  }
  return first ? { rows, field: first, kind: 'labels' as const } : null;
}

/** The field the map is styled by: per capita renamed, the colour range over the joined values. */
function styledField(field: Field, values: Array<number | null>, opts: JoinOptions): Field {
  const nums = values.filter((v): v is number => v !== null);
  const min = field.config.min ?? (nums.length ? Math.min(...nums) : 0);
  const max = field.config.max ?? (nums.length ? Math.max(...nums) : 0);
  const config = { ...field.config };
  if (opts.perCapita) {
    config.displayName = `${displayNameOf(field)} ${perCapitaLabel(opts.perCapitaBase)}`;
    if (config.unit && !['short', 'none', 'locale'].includes(config.unit)) {
      config.unit = 'short';
    }
    config.decimals ??= 1;
  }
  return {
    ...field,
    config,
    values: [],
    display: undefined,
    state: {
      ...(field.state ?? {}),
      displayName: config.displayName ?? displayNameOf(field),
      range: { min, max, delta: max - min },
    },
  };
}

export function perCapitaLabel(base: number): string {
  const short = base >= 1000 && base % 1000 === 0 ? `${base / 1000}k` : String(base);
  return `per ${short} residents`;
}

export function reduce(values: Array<number | null>, reducer: Reducer): number | null {
  const nums = values.filter((v): v is number => v !== null);
  if (!nums.length) {
    return null;
  }
  switch (reducer) {
    case 'last':
      return nums[nums.length - 1];
    case 'sum':
      return nums.reduce((a, b) => a + b, 0);
    case 'mean':
      return nums.reduce((a, b) => a + b, 0) / nums.length;
    case 'max':
      return Math.max(...nums);
    case 'min':
      return Math.min(...nums);
  }
}

function toNumber(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function lastIndex(values: Array<number | null>): number {
  for (let i = values.length - 1; i >= 0; i--) {
    if (values[i] !== null) {
      return i;
    }
  }
  return Math.max(0, values.length - 1);
}
