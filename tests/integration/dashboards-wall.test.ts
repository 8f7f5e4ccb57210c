// What the wall says (issue 15), read from the provisioned dashboards: on-time thresholds at the SLA target the
// alert rule uses (85 %) everywhere, and the executive overview's open requests by stage, alert list and requests
// about to breach linking to the Request journey. No database.
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SLA_TARGET_PCT } from '../../provisioning/generate/common.ts';
import { provisionedDashboards } from '../browser/zonemap-harness/provisioned.ts';
import { LANGUAGES } from '../../provisioning/generate/language.ts';
import { playlistFile } from '../../provisioning/generate/playlists.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../../..');
type Steps = Array<{ value: number | null; color: string }>;

test("the SLA target is the alert rule's (85 %), and every on-time threshold switches there and nowhere else", () => {
  const rules = readFileSync(join(ROOT, 'provisioning/alerting/rules.yaml'), 'utf8');
  assert.match(rules, new RegExp(`type: lt, params: \\[${SLA_TARGET_PCT}\\]`));
  let checked = 0;
  for (const d of provisionedDashboards()) {
    for (const p of d.panels as any[]) {
      const percentOfTime = (p.targets ?? []).some((t: any) => /on_time_pct$/.test(t.metric ?? ''));
      if (!percentOfTime) {
        continue;
      }
      const all: Steps[] = [
        p.fieldConfig?.defaults?.thresholds?.steps,
        ...(p.fieldConfig?.overrides ?? []).flatMap((o: any) =>
          o.properties.filter((x: any) => x.id === 'thresholds').map((x: any) => x.value.steps)
        ),
      ].filter(Boolean);
      for (const steps of all) {
        const cuts = steps.map((s) => s.value).filter((v) => v !== null);
        if (!cuts.some((v) => v === 80 || v === 90 || v === SLA_TARGET_PCT)) {
          continue;
        }
        assert.deepEqual(cuts, [SLA_TARGET_PCT], `${d.uid} panel ${p.id} "${p.title}"`);
        checked++;
      }
    }
  }
  assert.ok(checked >= 4, `${checked} on-time thresholds checked`);
});

test('the executive overview shows open requests by stage, the alerts firing and the requests about to breach', () => {
  const exec = provisionedDashboards().find((d) => d.uid === 's360-executive')!;
  const panels = exec.panels as any[];
  const byMetric = (m: string) => panels.find((p) => p.targets?.some((t: any) => t.metric === m));
  assert.equal(byMetric('open_by_stage')?.type, 'bargauge');
  const alerts = panels.find((p) => p.type === 'alertlist');
  assert.ok(alerts, 'an alert list panel');
  assert.deepEqual(alerts.options.stateFilter, {
    firing: true,
    pending: true,
    noData: false,
    normal: false,
    error: true,
    recovering: false,
  });
  const due = byMetric('due_soon');
  assert.equal(due?.type, 'table');
  assert.equal(due.targets[0].topN, 20);
  const link = due.fieldConfig.overrides
    .find((o: any) => o.matcher.options === 'reference')
    .properties.find((x: any) => x.id === 'links').value[0];
  assert.equal(link.url, '/d/s360-journey?var-reference=${__value.raw}');
});

test('every map of a dashboard in a wall playlist (English or Arabic) is in TV mode', () => {
  for (const lang of LANGUAGES) {
    const playlist = JSON.parse(readFileSync(join(ROOT, 'provisioning/playlists', playlistFile(lang)), 'utf8')) as {
      items: Array<{ value: string }>;
    };
    const wall = new Set(playlist.items.map((i) => i.value));
    const maps = provisionedDashboards(lang)
      .filter((d) => wall.has(d.uid))
      .flatMap((d) => (d.panels as any[]).filter((p) => p.type === 'services360-zonemap-panel').map((p) => ({ d, p })));
    assert.ok(maps.length >= 4, `${lang}: ${maps.length} maps on the wall`);
    for (const { d, p } of maps) {
      assert.equal(p.options?.tvMode, true, `${d.uid} panel ${p.id} "${p.title}"`);
    }
  }
});

test("the hot spots map asks for the city's top 50 across topics", () => {
  const hot = provisionedDashboards()
    .flatMap((d) => d.panels as any[])
    .find((p) => p.type === 'services360-zonemap-panel' && p.options?.hotspots?.enabled);
  assert.equal(hot.targets.find((t: any) => t.metric === 'hotspots').topN, 50);
});
