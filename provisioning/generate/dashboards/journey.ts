// Request journey: a reference number → the request (status, stage, progress, SLA, customer) and the timeline of
// its events. Both panels ask the datasource's `request` query (GET /v1/requests/{reference}), which answers two
// frames, the request then the journey; each table shows one of them (frameIndex). Personal data only through the
// PII-scoped datasource (services360-requests-pii); no other dashboard uses it. Every unmasked read is written to
// the aggregator's audit log (one row per panel and refresh).
import { PanelBuilder as Table } from '@grafana/grafana-foundation-sdk/table';
import { TextBoxVariableBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { at, dashboard, languageVariable } from '../common.ts';
import { DASHBOARD_UIDS, S360_PII } from '../refs.ts';
import { s360Request } from '../s360-query.ts';
import { JOURNEY_TEXTS } from '../texts/journey.ts';
import type { Lang } from '../language.ts';

/** The frames of a request query, in the order the datasource answers them. */
export const REQUEST_FRAME = 0;
export const JOURNEY_FRAME = 1;

const PROGRESS_GAUGE = [
  { id: 'custom.cellOptions', value: { type: 'gauge', mode: 'basic' } },
  { id: 'min', value: 0 },
  { id: 'max', value: 100 },
];

export function journey(lang: Lang) {
  const t = JOURNEY_TEXTS[lang];
  const d = dashboard({
    lang,
    uid: DASHBOARD_UIDS.journey,
    title: t.title,
    description: t.description,
    refresh: '30s',
    from: 'now-30d',
  });
  d.withVariable(languageVariable(lang));
  d.withVariable(
    new TextBoxVariableBuilder('reference')
      .label(t.reference)
      .description(t.referenceAbout)
      .defaultValue('')
      .current({ text: '', value: '' })
  );

  d.withPanel(
    new Table()
      .id(1)
      .title(t.request)
      .description(t.requestAbout)
      .gridPos(at(0, 0, 24, 6))
      .datasource(S360_PII)
      .withTarget(s360Request('A', '$reference', S360_PII))
      .frameIndex(REQUEST_FRAME)
      .minWidth(110)
      .overrideByName('progress_pct', PROGRESS_GAUGE)
  );
  d.withPanel(
    new Table()
      .id(2)
      .title(t.journey)
      .description(t.journeyAbout)
      .gridPos(at(0, 6, 24, 14))
      .datasource(S360_PII)
      .withTarget(s360Request('A', '$reference', S360_PII))
      .frameIndex(JOURNEY_FRAME)
      .overrideByName('progress_pct', PROGRESS_GAUGE)
  );
  return d.build();
}
