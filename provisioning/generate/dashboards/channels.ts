// Channels: where requests come from (website, social media, call centre, WhatsApp, virtual assistant, ...),
// how fast each is answered and how satisfied people are.
import { LegendDisplayMode, LegendPlacement, ReduceDataOptionsBuilder, StackingMode, StackingConfigBuilder, VizLegendOptionsBuilder, VizOrientation } from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder as BarChart } from '@grafana/grafana-foundation-sdk/barchart';
import { PanelBuilder as PieChart, PieChartLabels, PieChartLegendOptionsBuilder, PieChartLegendValues, PieChartType } from '@grafana/grafana-foundation-sdk/piechart';
import { PanelBuilder as Table } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeSeries } from '@grafana/grafana-foundation-sdk/timeseries';
import { ON_TIME_STEPS, at, dashboard, filterVariables, hideFields, paletteColors } from '../common.ts';
import { DASHBOARD_UIDS, S360 } from '../refs.ts';
import { s360 } from '../s360-query.ts';

const legendTable = () => new VizLegendOptionsBuilder().showLegend(true).displayMode(LegendDisplayMode.Table).placement(LegendPlacement.Right).calcs(['sum']);

export function channels() {
  const d = dashboard({
    uid: DASHBOARD_UIDS.channels,
    title: 'Services 360 — Channels',
    description: 'Requests by channel: volume, share, first response, on-time resolution and satisfaction.',
    refresh: '30s',
    from: 'now-7d',
  });
  for (const v of filterVariables()) d.withVariable(v);

  d.withPanel(
    new TimeSeries().id(1).title('Requests by channel').description('Requests received per hour, one line per channel. A flat zero on every channel means nothing is being ingested.')
      .gridPos(at(0, 0, 16, 10)).datasource(S360)
      .withTarget(s360('A', 'received').groupBy('channel').interval('1h'))
      .stacking(new StackingConfigBuilder().mode(StackingMode.Normal)).fillOpacity(30).lineWidth(1)
      .legend(legendTable()).unit('short').decimals(0).colorScheme(paletteColors()),
  );
  d.withPanel(
    new PieChart().id(2).title('Share by channel').description('Requests received in the period by channel.')
      .gridPos(at(16, 0, 8, 10)).datasource(S360)
      .withTarget(s360('A', 'received').groupBy('channel').table())
      .withTransformation(hideFields('channel_code'))
      .pieType(PieChartType.Donut).displayLabels([PieChartLabels.Percent])
      .reduceOptions(new ReduceDataOptionsBuilder().values(true).calcs([]).fields('/^received$/'))
      .legend(new PieChartLegendOptionsBuilder().showLegend(true).displayMode(LegendDisplayMode.Table).placement(LegendPlacement.Bottom).values([PieChartLegendValues.Value, PieChartLegendValues.Percent]))
      .unit('short').colorScheme(paletteColors()),
  );
  d.withPanel(
    new Table().id(3).title('Channels at a glance').description('Per channel over the period: requests, resolved on time, median first response, mean satisfaction (1–5).')
      .gridPos(at(0, 10, 24, 8)).datasource(S360)
      .withTarget(s360('A', 'received').groupBy('channel').table())
      .withTarget(s360('B', 'on_time_pct').groupBy('channel').table())
      .withTarget(s360('C', 'first_response_median').groupBy('channel').table())
      .withTarget(s360('D', 'satisfaction_mean').groupBy('channel').table())
      .withTransformation({ id: 'merge', options: {} })
      .withTransformation(hideFields('channel_code'))
      .overrideByName('on_time_pct', [
        { id: 'custom.cellOptions', value: { type: 'color-text' } },
        { id: 'color', value: { mode: 'thresholds' } },
        { id: 'thresholds', value: { mode: 'absolute', steps: ON_TIME_STEPS } },
      ]),
  );
  d.withPanel(
    new BarChart().id(4).title('First response by channel (median)').description('Median time from receipt to the first response.')
      .gridPos(at(0, 18, 12, 9)).datasource(S360)
      .withTarget(s360('A', 'first_response_median').groupBy('channel').table())
      .withTransformation(hideFields('channel_code'))
      .xField('channel').orientation(VizOrientation.Horizontal)
      .legend(new VizLegendOptionsBuilder().showLegend(false))
      .unit('s').decimals(0).colorScheme(paletteColors()),
  );
  d.withPanel(
    new TimeSeries().id(5).title('Satisfaction by channel').description('Mean satisfaction score (1–5) of the requests closed each day.')
      .gridPos(at(12, 18, 12, 9)).datasource(S360)
      .withTarget(s360('A', 'satisfaction_mean').groupBy('channel').interval('1d'))
      .min(1).max(5).decimals(2).lineWidth(2)
      .legend(new VizLegendOptionsBuilder().showLegend(true).displayMode(LegendDisplayMode.List).placement(LegendPlacement.Bottom))
      .colorScheme(paletteColors()),
  );
  d.withPanel(
    new TimeSeries().id(6).title('Open backlog by channel').description('Requests open at the end of each hour, by the channel they came in on.')
      .gridPos(at(0, 27, 24, 9)).datasource(S360)
      .withTarget(s360('A', 'backlog').groupBy('channel').interval('1h'))
      .stacking(new StackingConfigBuilder().mode(StackingMode.Normal)).fillOpacity(40).lineWidth(1)
      .legend(new VizLegendOptionsBuilder().showLegend(true).displayMode(LegendDisplayMode.List).placement(LegendPlacement.Bottom))
      .unit('short').decimals(0).colorScheme(paletteColors()),
  );
  return d.build();
}
