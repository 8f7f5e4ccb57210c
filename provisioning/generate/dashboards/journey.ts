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

/** The frames of a request query, in the order the datasource answers them. */
export const REQUEST_FRAME = 0;
export const JOURNEY_FRAME = 1;

const PROGRESS_GAUGE = [
  { id: 'custom.cellOptions', value: { type: 'gauge', mode: 'basic' } },
  { id: 'min', value: 0 },
  { id: 'max', value: 100 },
];

export function journey() {
  const d = dashboard({
    uid: DASHBOARD_UIDS.journey,
    title: 'Services 360 — Request journey',
    description: 'One request by reference number: its status, SLA clocks and the timeline of its events. Personal data through the PII datasource only.',
    refresh: '30s',
    from: 'now-30d',
  });
  d.withVariable(languageVariable());
  d.withVariable(new TextBoxVariableBuilder('reference').label('Reference number').description('S360- followed by the digits, or the numeric id').defaultValue('').current({ text: '', value: '' }));

  d.withPanel(
    new Table().id(1).title('Request')
      .description('The request with this reference: status, stage, progress, channel, category, topic, department, zone, its times and SLA, and the customer (read through the personal-data datasource; every read is written to the aggregator\'s audit log).')
      .gridPos(at(0, 0, 24, 6)).datasource(S360_PII)
      .withTarget(s360Request('A', '$reference', S360_PII))
      .frameIndex(REQUEST_FRAME)
      .minWidth(110)
      .overrideByName('progress_pct', PROGRESS_GAUGE),
  );
  d.withPanel(
    new Table().id(2).title('Journey')
      .description('Every event of the request in order: when, what happened, the status before and after, the stage and its progress, the advisor, who recorded it and the note.')
      .gridPos(at(0, 6, 24, 14)).datasource(S360_PII)
      .withTarget(s360Request('A', '$reference', S360_PII))
      .frameIndex(JOURNEY_FRAME)
      .overrideByName('progress_pct', PROGRESS_GAUGE),
  );
  return d.build();
}
