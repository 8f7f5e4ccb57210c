// Proactive: what the next days bring and what to act on now (issue 18). The forecasts come from the nightly fit
// (backend/forecast/); the time range is the next 7 days, the panels about the past (action list, campaign row)
// look back 30 days. "Running above forecast now" is the panel the alert rule of the same name links to (id 3).
import { BarGaugeDisplayMode, BarGaugeNamePlacement, LegendDisplayMode, LegendPlacement, ReduceDataOptionsBuilder, VizLegendOptionsBuilder, VizOrientation } from '@grafana/grafana-foundation-sdk/common';
import { RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelBuilder as BarGauge } from '@grafana/grafana-foundation-sdk/bargauge';
import { PanelBuilder as Table } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeSeries } from '@grafana/grafana-foundation-sdk/timeseries';
import { at, dashboard, filterVariables, hideFields, paletteColors, thresholdColors, thresholds } from '../common.ts';
import { DASHBOARD_UIDS, S360 } from '../refs.ts';
import { s360 } from '../s360-query.ts';
import { ZoneMapPanelBuilder } from '../zonemap-panel.ts';

const MAP_LAYERS = { points: { enabled: false }, hotspots: { enabled: false }, heatmap: { enabled: false }, labels: { enabled: true, language: 'both', showValue: false } } as const;
const LOOK_BACK = '30d';

export function proactive() {
  const d = dashboard({
    uid: DASHBOARD_UIDS.proactive,
    title: 'Services 360 — Proactive',
    description: 'Forecasts of the requests to come (MSTL + ETS, 95 % intervals), zones running above their forecast today, what to act on now, and where an awareness campaign or a move to digital channels pays.',
    refresh: '30s',
    from: 'now/d',
    to: 'now+7d/d',
  });
  for (const v of filterVariables()) d.withVariable(v);

  d.withPanel(
    new TimeSeries().id(1).title('Next 7 days by department').description('Requests expected per day by department, shaded between the bounds of the 95 % prediction interval (dashed: a forecast). The notices say how each level is forecast and how accurate it was.')
      .gridPos(at(0, 0, 14, 11)).datasource(S360)
      .withTarget(s360('A', 'forecast_received').groupBy('department').filters({ department: ['$department'] }, false).interval('1d'))
      .lineWidth(2)
      .legend(new VizLegendOptionsBuilder().showLegend(true).displayMode(LegendDisplayMode.List).placement(LegendPlacement.Bottom))
      .unit('short').decimals(0).colorScheme(paletteColors()),
  );
  d.withPanel(
    new ZoneMapPanelBuilder().id(2).title('Tomorrow: expected requests per 10,000 residents').description('Zones coloured by tomorrow\'s forecast per 10,000 residents (zones without population data are hatched). Click a zone to filter the dashboard.')
      .gridPos(at(14, 0, 10, 11))
      .withTarget(s360('A', 'forecast_received').groupBy('zone').filters({}, false).table())
      .mapOptions({ variableName: 'zone', zones: { valueField: 'tomorrow_per_10k', reducer: 'sum' }, ...MAP_LAYERS })
      .unit('short').decimals(1),
  );
  d.withPanel(
    new Table().id(3).title('Running above forecast now').description('Zones and zone × topic series whose requests so far today are above the upper bound of today\'s forecast scaled to this time of day (the alert rule "Running above forecast" fires on the same figure).')
      .gridPos(at(0, 11, 12, 10)).datasource(S360).timeFrom('now/d')
      .withTarget(s360('A', 'running_above_forecast').groupBy('zone', 'topic').filters({ zone: ['$zone'], department: ['$department'] }, false).table())
      .withTransformation(hideFields('zone_code', 'topic_code'))
      .overrideByName('above_pct', [{ id: 'custom.cellOptions', value: { type: 'color-background' } }, { id: 'color', value: { mode: 'continuous-YlRd' } }]),
  );
  d.withPanel(
    new Table().id(4).title('Act now').description('What to act on, ranked: zones × topics running above forecast today, forecast to rise over the next 7 days, and recurring hot spots of the last 30 days — with the department and the topic\'s proactive action. Links: the zone on the Zones dashboard, the latest request on Request journey.')
      .gridPos(at(12, 11, 12, 10)).datasource(S360).timeFrom(LOOK_BACK)
      .withTarget(s360('A', 'proactive_actions').filters({ zone: ['$zone'], department: ['$department'] }, false).table().topN(20))
      .withTransformation(hideFields('zone_code', 'topic_code', 'score')),
  );
  d.withPanel(
    new Table().id(5).title('Forecast accuracy by level').description('Per level: MASE of the model against seasonal-naive (same weekday last week; below 1 beats it), the share of days inside the 80 % and 95 % intervals, and the method used (seasonal-naive where the model does not beat it).')
      .gridPos(at(0, 21, 24, 7)).datasource(S360)
      .withTarget(s360('A', 'forecast_accuracy').filters({}, false).table())
      .withTransformation(hideFields('level_code')),
  );
  d.withRow(new RowBuilder('Campaign planning').id(6).gridPos(at(0, 28, 24, 1)));
  d.withPanel(
    new ZoneMapPanelBuilder().id(7).title('Digital share by zone (last 30 days)').description('Share of requests through the channels the city file marks digital (the website, apps, WhatsApp and the virtual assistant in Dubai\'s): the lighter zones are where a move to digital service pays.')
      .gridPos(at(0, 29, 10, 12)).timeFrom(LOOK_BACK)
      .withTarget(s360('A', 'digital_share').groupBy('zone').table().crossFilter('zone'))
      .mapOptions({ variableName: 'zone', zones: { valueField: 'digital_share', reducer: 'mean' }, ...MAP_LAYERS })
      .unit('percent').decimals(0),
  );
  d.withPanel(
    new BarGauge().id(8).title('Inquiries per 10,000 residents (top 15 zones)').description('Inquiries of the last 30 days per 10,000 residents: where people ask what they could have found — against the city\'s rate in the next panel.')
      .gridPos(at(10, 29, 7, 12)).datasource(S360).timeFrom(LOOK_BACK)
      .withTarget(s360('A', 'received_per_10k').groupBy('zone').filters({ category: ['inquiry'] }).table())
      .withTransformation({ id: 'sortBy', options: { sort: [{ field: 'received_per_10k', desc: true }] } })
      .withTransformation({ id: 'limit', options: { limitField: 15 } })
      .withTransformation(hideFields('zone_code'))
      .reduceOptions(new ReduceDataOptionsBuilder().values(true).calcs([]).fields('/^received_per_10k$/'))
      .displayMode(BarGaugeDisplayMode.Gradient).orientation(VizOrientation.Horizontal).namePlacement(BarGaugeNamePlacement.Left)
      .unit('short').decimals(1).colorScheme(thresholdColors())
      .thresholds(thresholds({ value: null, color: 'green' }, { value: 50, color: 'orange' }, { value: 100, color: 'red' })),
  );
  d.withPanel(
    new BarGauge().id(9).title('City rate and satisfaction by channel').description('The city\'s inquiries per 10,000 residents (last 30 days), and the mean satisfaction (1–5) of each channel.')
      .gridPos(at(17, 29, 7, 12)).datasource(S360).timeFrom(LOOK_BACK)
      .withTarget(s360('A', 'received_per_10k').filters({ category: ['inquiry'] }).table())
      .withTarget(s360('B', 'satisfaction_mean').groupBy('channel').table())
      .reduceOptions(new ReduceDataOptionsBuilder().values(true).calcs([]))
      .displayMode(BarGaugeDisplayMode.Basic).orientation(VizOrientation.Horizontal).namePlacement(BarGaugeNamePlacement.Left)
      .unit('short').decimals(1).colorScheme(paletteColors()),
  );
  return d.build();
}
