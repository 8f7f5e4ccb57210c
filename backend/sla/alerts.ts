// The warnings and breaches a clock shows, as facts with the moment each happened: a warning when a
// target's business elapsed reached warning_pct (whether or not it was then done in time), a breach at
// the due instant. Recording them is idempotent (one of each kind per request and target).
import type { SlaClock, TargetName } from './clock.ts';

export type AlertKind = 'warning' | 'breach';
export type SlaAlert = { kind: AlertKind; target: TargetName; at: Date };

export function alertsOf(clock: SlaClock): SlaAlert[] {
  const out: SlaAlert[] = [];
  for (const target of ['first_response', 'resolution'] as const) {
    const t = clock[target];
    if (t === null) {
      continue;
    }
    if (t.warning_at) {
      out.push({ kind: 'warning', target, at: t.warning_at });
    }
    if (t.breached_at) {
      out.push({ kind: 'breach', target, at: t.breached_at });
    }
  }
  return out;
}
