// Categories and recurring reports: inquiries, reports, complaints... over time, the topics that keep coming
// back (with their change against the period before) and the places where one topic recurs (hot spots).
import {
  LegendDisplayMode,
  LegendPlacement,
  ReduceDataOptionsBuilder,
  StackingConfigBuilder,
  StackingMode,
  VizLegendOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import {
  PanelBuilder as PieChart,
  PieChartLabels,
  PieChartLegendOptionsBuilder,
  PieChartLegendValues,
  PieChartType,
} from '@grafana/grafana-foundation-sdk/piechart';
import { PanelBuilder as Table } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeSeries } from '@grafana/grafana-foundation-sdk/timeseries';
import { at, dashboard, filterVariables, hideFields, paletteColors } from '../common.ts';
import { DASHBOARD_UIDS, S360 } from '../refs.ts';
import { s360 } from '../s360-query.ts';
import { ZoneMapPanelBuilder } from '../zonemap-panel.ts';
import { CATEGORIES_TEXTS } from '../texts/categories.ts';
import type { Lang } from '../language.ts';

const CHANGE_COLOURS = [
  { id: 'custom.cellOptions', value: { type: 'color-text' } },
  { id: 'color', value: { mode: 'thresholds' } },
  {
    id: 'thresholds',
    value: {
      mode: 'absolute',
      steps: [
        { value: null, color: 'green' },
        { value: 10, color: 'orange' },
        { value: 25, color: 'red' },
      ],
    },
  },
];

/** Hot spots drawn on the map: the city's largest, across topics (their topics decluttered, the largest labelled). */
const HOTSPOTS_ON_MAP = 50;

export function categories(lang: Lang) {
  const t = CATEGORIES_TEXTS[lang];
  const d = dashboard({
    lang,
    uid: DASHBOARD_UIDS.categories,
    title: t.title,
    description: t.description,
    refresh: '30s',
    from: 'now-30d',
  });
  for (const v of filterVariables(lang)) {
    d.withVariable(v);
  }

  d.withPanel(
    new TimeSeries()
      .id(1)
      .title(t.byCategory)
      .description(t.byCategoryAbout)
      .gridPos(at(0, 0, 16, 9))
      .datasource(S360)
      .withTarget(s360('A', 'received').groupBy('category').interval('1d'))
      .stacking(new StackingConfigBuilder().mode(StackingMode.Normal))
      .fillOpacity(35)
      .lineWidth(1)
      .legend(
        new VizLegendOptionsBuilder()
          .showLegend(true)
          .displayMode(LegendDisplayMode.Table)
          .placement(LegendPlacement.Right)
          .calcs(['sum'])
      )
      .unit('short')
      .decimals(0)
      .colorScheme(paletteColors())
  );
  d.withPanel(
    new PieChart()
      .id(2)
      .title(t.share)
      .description(t.shareAbout)
      .gridPos(at(16, 0, 8, 9))
      .datasource(S360)
      .withTarget(s360('A', 'received').groupBy('category').table())
      .withTransformation(hideFields('category_code'))
      .pieType(PieChartType.Donut)
      .displayLabels([PieChartLabels.Percent])
      .reduceOptions(new ReduceDataOptionsBuilder().values(true).calcs([]).fields('/^received$/'))
      .legend(
        new PieChartLegendOptionsBuilder()
          .showLegend(true)
          .displayMode(LegendDisplayMode.List)
          .placement(LegendPlacement.Bottom)
          .values([PieChartLegendValues.Percent])
      )
      .unit('short')
      .colorScheme(paletteColors())
  );
  d.withPanel(
    new Table()
      .id(3)
      .title(t.recurring)
      .description(t.recurringAbout)
      .gridPos(at(0, 9, 10, 11))
      .datasource(S360)
      .withTarget(s360('A', 'recurring_topics').table().topN(10))
      .withTransformation(hideFields('topic_code'))
      .overrideByName('change_pct', CHANGE_COLOURS)
  );
  d.withPanel(
    new TimeSeries()
      .id(4)
      .title(t.trends)
      .description(t.trendsAbout)
      .gridPos(at(10, 9, 14, 11))
      .datasource(S360)
      .withTarget(s360('A', 'received').groupBy('topic').interval('1d'))
      .lineWidth(2)
      .fillOpacity(0)
      .legend(
        new VizLegendOptionsBuilder()
          .showLegend(true)
          .displayMode(LegendDisplayMode.Table)
          .placement(LegendPlacement.Right)
          .calcs(['sum'])
          .sortBy('Total')
          .sortDesc(true)
      )
      .unit('short')
      .decimals(0)
      .colorScheme(paletteColors())
  );
  d.withPanel(
    new ZoneMapPanelBuilder()
      .id(5)
      .title(t.hotspotsMap)
      .description(t.hotspotsMapAbout)
      .gridPos(at(0, 20, 14, 16))
      .withTarget(s360('A', 'received').groupBy('zone').table().crossFilter('zone'))
      // The city's top 50 hot spots across topics (without topN the aggregator answers its default 10).
      .withTarget(s360('B', 'hotspots').table().topN(HOTSPOTS_ON_MAP).crossFilter('zone'))
      .mapOptions({
        tvMode: true,
        variableName: 'zone',
        zones: { frame: 'A', valueField: 'received', reducer: 'sum', fillOpacity: 0.5 },
        hotspots: { enabled: true, source: 'frame', frame: 'B', showLabels: true, maxLabels: 8 },
        points: { enabled: false },
        heatmap: { enabled: false },
        labels: { enabled: false },
      })
      .unit('short')
      .decimals(0)
  );
  d.withPanel(
    new Table()
      .id(6)
      .title(t.hotspotsTable)
      .description(t.hotspotsTableAbout)
      .gridPos(at(14, 20, 10, 16))
      .datasource(S360)
      .withTarget(s360('A', 'hotspots').table())
      .withTransformation(hideFields('zone_code', 'topic_code', 'lon', 'lat'))
      .withTransformation({ id: 'sortBy', options: { sort: [{ field: 'count', desc: true }] } })
  );
  return d.build();
}
