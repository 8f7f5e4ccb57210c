// Channels: where requests come from (website, social media, call centre, WhatsApp, virtual assistant, ...),
// how fast each is answered and how satisfied people are.
import {
  LegendDisplayMode,
  LegendPlacement,
  ReduceDataOptionsBuilder,
  StackingMode,
  StackingConfigBuilder,
  VizLegendOptionsBuilder,
  VizOrientation,
} from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder as BarChart } from '@grafana/grafana-foundation-sdk/barchart';
import {
  PanelBuilder as PieChart,
  PieChartLabels,
  PieChartLegendOptionsBuilder,
  PieChartLegendValues,
  PieChartType,
} from '@grafana/grafana-foundation-sdk/piechart';
import { PanelBuilder as Table } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeSeries } from '@grafana/grafana-foundation-sdk/timeseries';
import { ON_TIME_STEPS, at, dashboard, filterVariables, hideFields, paletteColors } from '../common.ts';
import { DASHBOARD_UIDS, S360 } from '../refs.ts';
import { s360 } from '../s360-query.ts';
import { CHANNELS_TEXTS } from '../texts/channels.ts';
import type { Lang } from '../language.ts';

const legendTable = () =>
  new VizLegendOptionsBuilder()
    .showLegend(true)
    .displayMode(LegendDisplayMode.Table)
    .placement(LegendPlacement.Right)
    .calcs(['sum']);

export function channels(lang: Lang) {
  const t = CHANNELS_TEXTS[lang];
  const d = dashboard({
    lang,
    uid: DASHBOARD_UIDS.channels,
    title: t.title,
    description: t.description,
    refresh: '30s',
    from: 'now-7d',
  });
  for (const v of filterVariables(lang)) {
    d.withVariable(v);
  }

  d.withPanel(
    new TimeSeries()
      .id(1)
      .title(t.byChannel)
      .description(t.byChannelAbout)
      .gridPos(at(0, 0, 16, 10))
      .datasource(S360)
      .withTarget(s360('A', 'received').groupBy('channel').interval('1h'))
      .stacking(new StackingConfigBuilder().mode(StackingMode.Normal))
      .fillOpacity(30)
      .lineWidth(1)
      .legend(legendTable())
      .unit('short')
      .decimals(0)
      .colorScheme(paletteColors())
  );
  d.withPanel(
    new PieChart()
      .id(2)
      .title(t.share)
      .description(t.shareAbout)
      .gridPos(at(16, 0, 8, 10))
      .datasource(S360)
      .withTarget(s360('A', 'received').groupBy('channel').table())
      .withTransformation(hideFields('channel_code'))
      .pieType(PieChartType.Donut)
      .displayLabels([PieChartLabels.Percent])
      .reduceOptions(new ReduceDataOptionsBuilder().values(true).calcs([]).fields('/^received$/'))
      .legend(
        new PieChartLegendOptionsBuilder()
          .showLegend(true)
          .displayMode(LegendDisplayMode.Table)
          .placement(LegendPlacement.Bottom)
          .values([PieChartLegendValues.Value, PieChartLegendValues.Percent])
      )
      .unit('short')
      .colorScheme(paletteColors())
  );
  d.withPanel(
    new Table()
      .id(3)
      .title(t.glance)
      .description(t.glanceAbout)
      .gridPos(at(0, 10, 24, 8))
      .datasource(S360)
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
      ])
  );
  d.withPanel(
    new BarChart()
      .id(4)
      .title(t.firstResponse)
      .description(t.firstResponseAbout)
      .gridPos(at(0, 18, 12, 9))
      .datasource(S360)
      .withTarget(s360('A', 'first_response_median').groupBy('channel').table())
      .withTransformation(hideFields('channel_code'))
      .xField('channel')
      .orientation(VizOrientation.Horizontal)
      .legend(new VizLegendOptionsBuilder().showLegend(false))
      .unit('s')
      .decimals(0)
      .colorScheme(paletteColors())
  );
  d.withPanel(
    new TimeSeries()
      .id(5)
      .title(t.satisfaction)
      .description(t.satisfactionAbout)
      .gridPos(at(12, 18, 12, 9))
      .datasource(S360)
      .withTarget(s360('A', 'satisfaction_mean').groupBy('channel').interval('1d'))
      .min(1)
      .max(5)
      .decimals(2)
      .lineWidth(2)
      .legend(
        new VizLegendOptionsBuilder()
          .showLegend(true)
          .displayMode(LegendDisplayMode.List)
          .placement(LegendPlacement.Bottom)
      )
      .colorScheme(paletteColors())
  );
  d.withPanel(
    new TimeSeries()
      .id(6)
      .title(t.backlog)
      .description(t.backlogAbout)
      .gridPos(at(0, 27, 24, 9))
      .datasource(S360)
      .withTarget(s360('A', 'backlog').groupBy('channel').interval('1h'))
      .stacking(new StackingConfigBuilder().mode(StackingMode.Normal))
      .fillOpacity(40)
      .lineWidth(1)
      .legend(
        new VizLegendOptionsBuilder()
          .showLegend(true)
          .displayMode(LegendDisplayMode.List)
          .placement(LegendPlacement.Bottom)
      )
      .unit('short')
      .decimals(0)
      .colorScheme(paletteColors())
  );
  return d.build();
}
