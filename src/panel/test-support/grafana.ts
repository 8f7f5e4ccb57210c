// Test support: the real @grafana/data (in jest's jsdom, which has the navigator it reads) and small frame
// builders. Fields get a display processor the way Grafana's applyFieldOverrides gives them one.
import * as grafana from '@grafana/data';
import type { DataFrame, Field, FieldConfig, GrafanaTheme2 } from '@grafana/data';

export { grafana };

export const theme: GrafanaTheme2 = grafana.createTheme();

type FieldSpec = {
  name: string;
  type?: 'string' | 'number' | 'time' | 'other';
  values: unknown[];
  config?: FieldConfig;
  labels?: Record<string, string>;
};

/** A frame from field specs; number fields get a display processor and a range over their values. */
export function frame(fields: FieldSpec[], meta: { refId?: string; name?: string } = {}): DataFrame {
  const df = grafana.toDataFrame({
    refId: meta.refId,
    name: meta.name,
    fields: fields.map((f) => ({ ...f, type: f.type ?? guessType(f.values) })),
  });
  for (const field of df.fields) {
    withDisplay(field);
  }
  return df;
}

/** Gives a field the display processor (and min/max range) Grafana would give it. */
export function withDisplay(field: Field): Field {
  if (field.type === 'number') {
    const nums = field.values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    const min = field.config.min ?? (nums.length ? Math.min(...nums) : 0);
    const max = field.config.max ?? (nums.length ? Math.max(...nums) : 0);
    field.state = { ...(field.state ?? {}), range: { min, max, delta: max - min } };
  }
  field.display = grafana.getDisplayProcessor({ field, theme });
  return field;
}

export const thresholds = (base: string, ...steps: Array<[number, string]>): FieldConfig => ({
  color: { mode: grafana.FieldColorModeId.Thresholds },
  thresholds: {
    mode: grafana.ThresholdsMode.Absolute,
    steps: [{ value: -Infinity, color: base }, ...steps.map(([value, color]) => ({ value, color }))],
  },
});

/** A table frame as the aggregator answers `format: table` grouped by zone. */
export function zoneTable(
  rows: Array<[code: string, value: number | null]>,
  config: FieldConfig = {},
  metric = 'received',
  refId = 'A'
): DataFrame {
  return frame(
    [
      { name: 'zone', type: 'string', values: rows.map(([c]) => `Zone ${c}`) },
      { name: 'zone_code', type: 'string', values: rows.map(([c]) => c) },
      { name: metric, type: 'number', values: rows.map(([, v]) => v), config: { unit: 'short', ...config } },
    ],
    { refId }
  );
}

function guessType(values: unknown[]): 'string' | 'number' | 'other' {
  const v = values.find((x) => x !== null && x !== undefined);
  return typeof v === 'number' ? 'number' : typeof v === 'string' ? 'string' : 'other';
}
