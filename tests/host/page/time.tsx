// Time ranges as a dashboard has them: raw ("now-6h", ISO strings or epoch ms) and resolved.
import { dateMath, dateTime, type TimeRange } from '@grafana/data';

export type RawTime = string | number;

export function toTimeRange(raw: { from: RawTime; to: RawTime } = { from: 'now-6h', to: 'now' }): TimeRange {
  const parse = (v: RawTime, roundUp: boolean) => {
    if (typeof v === 'number') {
      return dateTime(v);
    }
    if (/^\d+$/.test(v)) {
      return dateTime(Number(v));
    }
    if (v.startsWith('now')) {
      return dateMath.parse(v, roundUp)!;
    }
    return dateTime(v);
  };
  const from = parse(raw.from, false);
  const to = parse(raw.to, true);
  if (!from?.isValid() || !to?.isValid()) {
    throw new Error(`Invalid time range ${JSON.stringify(raw)}`);
  }
  return {
    from,
    to,
    raw: {
      from: typeof raw.from === 'number' ? dateTime(raw.from) : raw.from,
      to: typeof raw.to === 'number' ? dateTime(raw.to) : raw.to,
    },
  };
}
