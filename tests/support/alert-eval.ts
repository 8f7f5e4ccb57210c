// A small, pure model of how Grafana evaluates a provisioned alert rule: the SQL result of query A (as Grafana's
// PostgreSQL datasource would frame it), a reduce expression, a threshold expression, the rule's condition and
// no-data state. Enough to prove that a rule fires when the data is in breach and stays quiet otherwise; it
// reads the rule's own model (provisioning/alerting/rules.yaml), so a changed threshold is evaluated as written.
//
// What it follows (Grafana alerting docs, "alerting on numeric data" and "table data"):
// - format `table`: exactly one numeric column; every other column is text and becomes a label; each row is an
//   instance and the label sets must be unique. A time column is not allowed there.
// - format `time_series`: a `time` column, numeric value column(s) and optional text label columns; rows are
//   grouped into series by their labels (and value column), ordered by time.
// - reduce: last | mean | min | max | sum | count, mode dropNN (drop null/NaN), replaceNN (replace them) or
//   strict (any null → NaN); on a number (table format) reduce passes the value through.
// - threshold: gt | lt | within_range | outside_range with params; NaN or null → no data for that instance.

export type ColumnType = 'number' | 'string' | 'time';
export type Column = { name: string; type: ColumnType };
export type QueryResult = { columns: Column[]; rows: unknown[][] };

export type Instance = { labels: Record<string, string>; values: Array<number | null>; times?: number[] };
export type InstanceState = 'Alerting' | 'Normal' | 'NoData';
export type EvaluatedInstance = { labels: Record<string, string>; value: number | null; state: InstanceState };
export type Evaluation = {
  state: 'Alerting' | 'Normal' | 'NoData' | 'Error';
  instances: EvaluatedInstance[];
  error?: string;
};

/** The parts of a provisioned rule (file provisioning format) the evaluator reads. */
export type ProvisionedRule = {
  uid: string;
  title: string;
  condition: string;
  noDataState?: string;
  data: Array<{ refId: string; datasourceUid: string; model: Record<string, any> }>;
};

export class ShapeError extends Error {}

// PostgreSQL type OIDs (pg_type) as Grafana's PostgreSQL datasource converts them.
const NUMERIC_OIDS = new Set([20, 21, 23, 26, 700, 701, 1700]);
const TEXT_OIDS = new Set([18, 19, 25, 1042, 1043]);
const TIME_OIDS = new Set([1082, 1114, 1184]);

/** A node-postgres result (fields with dataTypeID, rows as objects) → columns and rows. */
export function fromPgResult(result: {
  fields: Array<{ name: string; dataTypeID: number }>;
  rows: Array<Record<string, unknown>>;
}): QueryResult {
  const columns = result.fields.map((f): Column => {
    if (NUMERIC_OIDS.has(f.dataTypeID)) {
      return { name: f.name, type: 'number' };
    }
    if (TEXT_OIDS.has(f.dataTypeID)) {
      return { name: f.name, type: 'string' };
    }
    if (TIME_OIDS.has(f.dataTypeID)) {
      return { name: f.name, type: 'time' };
    }
    throw new ShapeError(`column ${f.name}: PostgreSQL type ${f.dataTypeID} is neither a number, text nor a time`);
  });
  const rows = result.rows.map((r) =>
    columns.map((c) => {
      const v = r[c.name];
      if (v === null || v === undefined) {
        return null;
      }
      if (c.type === 'number') {
        return Number(v);
      }
      if (c.type === 'time') {
        return v instanceof Date ? v.getTime() : Date.parse(String(v));
      }
      return String(v);
    })
  );
  return { columns, rows };
}

const labelKey = (labels: Record<string, string>) =>
  JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));

/** Table format → one instance per row (the numeric-data rules of Grafana alerting). Throws ShapeError. */
export function tableInstances(result: QueryResult): Instance[] {
  const numbers = result.columns.filter((c) => c.type === 'number');
  const times = result.columns.filter((c) => c.type === 'time');
  if (numbers.length !== 1) {
    throw new ShapeError(
      `a table for alerting needs exactly one numeric column, got ${numbers.length} (${numbers.map((c) => c.name).join(', ') || 'none'})`
    );
  }
  if (times.length) {
    throw new ShapeError(
      `a table for alerting has no time column (got ${times.map((c) => c.name).join(', ')}); use time_series format for time + value`
    );
  }
  const valueAt = result.columns.indexOf(numbers[0]);
  const seen = new Set<string>();
  return result.rows.map((row) => {
    const labels: Record<string, string> = {};
    result.columns.forEach((c, i) => {
      if (c.type === 'string') {
        labels[c.name] = row[i] === null ? '' : String(row[i]);
      }
    });
    const key = labelKey(labels);
    if (seen.has(key)) {
      throw new ShapeError(`two rows have the same labels ${key}: each row must be one instance`);
    }
    seen.add(key);
    const v = row[valueAt];
    return { labels, values: [v === null ? null : Number(v)] };
  });
}

/** Time-series format → one series per value column and label set, ordered by time. Throws ShapeError. */
export function seriesInstances(result: QueryResult): Instance[] {
  const timeAt = result.columns.findIndex((c) => c.type === 'time');
  if (timeAt < 0) {
    throw new ShapeError('a time series for alerting needs a time column');
  }
  const valueCols = result.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.type === 'number');
  if (!valueCols.length) {
    throw new ShapeError('a time series for alerting needs at least one numeric column');
  }
  const series = new Map<string, Instance & { times: number[] }>();
  const sorted = [...result.rows].sort((a, b) => Number(a[timeAt]) - Number(b[timeAt]));
  for (const row of sorted) {
    const labels: Record<string, string> = {};
    result.columns.forEach((c, i) => {
      if (c.type === 'string') {
        labels[c.name] = row[i] === null ? '' : String(row[i]);
      }
    });
    for (const { c, i } of valueCols) {
      const l = valueCols.length > 1 ? { ...labels, __field__: c.name } : labels;
      const key = labelKey(l);
      const s = series.get(key) ?? { labels: l, values: [], times: [] };
      s.values.push(row[i] === null ? null : Number(row[i]));
      s.times.push(Number(row[timeAt]));
      series.set(key, s);
    }
  }
  return [...series.values()];
}

export function reduce(values: Array<number | null>, reducer: string, mode = ''): number | null {
  let xs: number[];
  const bad = (v: number | null) => v === null || Number.isNaN(v);
  if (mode === 'dropNN') {
    xs = values.filter((v) => !bad(v)) as number[];
  } else if (mode === 'replaceNN') {
    xs = values.map((v) => (bad(v) ? 0 : (v as number)));
  } else {
    if (values.some(bad)) {
      return Number.NaN;
    }
    xs = values as number[];
  }
  if (reducer === 'count') {
    return xs.length;
  }
  if (!xs.length) {
    return null;
  }
  switch (reducer) {
    case 'last':
      return xs[xs.length - 1];
    case 'mean':
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    case 'sum':
      return xs.reduce((a, b) => a + b, 0);
    case 'min':
      return Math.min(...xs);
    case 'max':
      return Math.max(...xs);
    default:
      throw new ShapeError(`reducer "${reducer}" is not modelled`);
  }
}

export function threshold(value: number | null, evaluator: { type: string; params: number[] }): boolean | null {
  if (value === null || Number.isNaN(value)) {
    return null;
  }
  const [a, b] = evaluator.params;
  switch (evaluator.type) {
    case 'gt':
      return value > a;
    case 'lt':
      return value < a;
    case 'within_range':
      return value > a && value < b;
    case 'outside_range':
      return value < a || value > b;
    default:
      throw new ShapeError(`threshold "${evaluator.type}" is not modelled`);
  }
}

/** Evaluates a rule whose query refId's result is given: reduce and threshold expressions as provisioned. */
export function evaluateRule(rule: ProvisionedRule, results: Record<string, QueryResult>): Evaluation {
  try {
    const byRef = new Map(rule.data.map((d) => [d.refId, d]));
    const instancesOf = (refId: string): Instance[] => {
      const node = byRef.get(refId);
      if (!node) {
        throw new ShapeError(`rule ${rule.uid}: no query or expression ${refId}`);
      }
      if (node.datasourceUid !== '__expr__') {
        const result = results[refId];
        if (!result) {
          throw new ShapeError(`rule ${rule.uid}: no result given for query ${refId}`);
        }
        return node.model.format === 'time_series' ? seriesInstances(result) : tableInstances(result);
      }
      const m = node.model;
      const input = instancesOf(m.expression);
      if (m.type === 'reduce') {
        return input.map((s) => ({ labels: s.labels, values: [reduce(s.values, m.reducer, m.settings?.mode ?? '')] }));
      }
      if (m.type === 'threshold') {
        const ev = m.conditions?.[0]?.evaluator;
        if (!ev) {
          throw new ShapeError(`rule ${rule.uid}: threshold ${refId} has no evaluator`);
        }
        return input.map((s) => {
          if (s.values.length !== 1) {
            throw new ShapeError(`rule ${rule.uid}: threshold ${refId} needs one number per instance (reduce first)`);
          }
          const fired = threshold(s.values[0], ev);
          return { labels: s.labels, values: [fired === null ? null : fired ? 1 : 0] };
        });
      }
      throw new ShapeError(`rule ${rule.uid}: expression type "${m.type}" is not modelled`);
    };
    const condition = instancesOf(rule.condition);
    const valueNode = byRef.get(rule.condition)?.model?.expression as string | undefined;
    const values = valueNode ? instancesOf(valueNode) : condition;
    const instances: EvaluatedInstance[] = condition.map((c, i) => ({
      labels: c.labels,
      value: values[i]?.values[0] ?? null,
      state: c.values[0] === null ? 'NoData' : c.values[0] === 1 ? 'Alerting' : 'Normal',
    }));
    if (!instances.length) {
      const noData = rule.noDataState ?? 'NoData';
      return { state: noData === 'OK' ? 'Normal' : noData === 'Alerting' ? 'Alerting' : 'NoData', instances };
    }
    return { state: instances.some((x) => x.state === 'Alerting') ? 'Alerting' : 'Normal', instances };
  } catch (err) {
    if (err instanceof ShapeError) {
      return { state: 'Error', instances: [], error: err.message };
    }
    throw err;
  }
}

/** The instances of an evaluation that fire, by a label (e.g. department, zone). */
export function firing(ev: Evaluation, label?: string): string[] {
  return ev.instances
    .filter((i) => i.state === 'Alerting')
    .map((i) => (label ? i.labels[label] : JSON.stringify(i.labels)))
    .sort();
}
