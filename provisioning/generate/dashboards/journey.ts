// Request journey: a reference number → the request and the timeline of its events. Personal data only through
// the PII-scoped datasource (services360-requests-pii); no other dashboard uses it.
//
// What is missing: the requests datasource has no query for one request yet. The aggregator answers
// GET /v1/requests/{reference} (request, journey, SLA clocks; customer masked without the pii scope), but the
// datasource only asks POST /v1/query and GET /v1/annotations, so no panel can show the journey as a table or
// timeline. Until it does, the panel below links to the raw answer through Grafana's datasource proxy (the PII
// datasource's token is added by Grafana's server, never by the browser). See docs/provisioning.md.
import { PanelBuilder as Text, TextMode } from '@grafana/grafana-foundation-sdk/text';
import { TextBoxVariableBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { at, dashboard, languageVariable } from '../common.ts';
import { DASHBOARD_UIDS, S360_PII } from '../refs.ts';

/** The aggregator's request-detail route through the PII datasource's proxy route (plugin.json `routes`). */
export const JOURNEY_URL = `/api/datasources/proxy/uid/${S360_PII.uid}/aggregator/v1/requests/\${reference:percentencode}?language=\${language}`;

const CONTENT = `### Request \${reference}

Type a reference number (for example \`S360-000012345\`) in the box above.

* [Open the request and its journey](${JOURNEY_URL}) — the answer of the aggregator, with the customer's personal data
  (read through the **Services 360 (personal data)** datasource; every read is written to the aggregator's audit log).

The timeline panel for this dashboard needs request-detail support in the Services 360 datasource (a query for one
request by reference, answered from \`GET /v1/requests/{reference}\`); until the datasource has it, the link above
shows the journey as the aggregator returns it.
`;

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
    new Text().id(1).title('Request journey').description('Opens the request with this reference through the personal-data datasource.')
      .gridPos(at(0, 0, 24, 9)).mode(TextMode.Markdown).content(CONTENT),
  );
  return d.build();
}
