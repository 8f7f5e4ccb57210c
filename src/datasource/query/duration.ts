// Grafana interval text (`30s`, `5m`, `1h`, `1d`, `1w`, `500ms`) to milliseconds. Pure; undefined when unreadable.
const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

export function durationToMs(text: string | undefined): number | undefined {
  if (!text) {
    return undefined;
  }
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w|y)\s*$/.exec(text);
  if (!m) {
    return undefined;
  }
  const ms = Number(m[1]) * UNIT_MS[m[2]];
  return ms > 0 ? ms : undefined;
}
