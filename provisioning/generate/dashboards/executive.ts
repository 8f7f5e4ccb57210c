// Executive overview, for a wall screen (kiosk, 10 s refresh): today's volume, the open backlog, on-time %,
// first response, progress, the city map, channel and category split, the topics that keep coming back, and what
// matters now: open requests by stage, the alerts firing, the requests about to breach.
import {
  BarGaugeDisplayMode,
  BarGaugeNamePlacement,
  BigValueColorMode,
  BigValueGraphMode,
  BigValueTextMode,
  LegendDisplayMode,
  LegendPlacement,
  ReduceDataOptionsBuilder,
  VisibilityMode,
  VizLegendOptionsBuilder,
  VizOrientation,
} from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder as BarChart } from '@grafana/grafana-foundation-sdk/barchart';
import { PanelBuilder as Gauge } from '@grafana/grafana-foundation-sdk/gauge';
import {
  PanelBuilder as PieChart,
  PieChartLabels,
  PieChartLegendOptionsBuilder,
  PieChartLegendValues,
  PieChartType,
} from '@grafana/grafana-foundation-sdk/piechart';
import { PanelBuilder as Stat } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as Table } from '@grafana/grafana-foundation-sdk/table';
import {
  ON_TIME_STEPS,
  at,
  dashboard,
  filterVariables,
  hideFields,
  paletteColors,
  thresholdColors,
  thresholds,
} from '../common.ts';
import { PanelBuilder as BarGauge } from '@grafana/grafana-foundation-sdk/bargauge';
import { AlertListPanelBuilder } from '../alertlist-panel.ts';
import { DASHBOARD_UIDS, S360 } from '../refs.ts';
import { s360 } from '../s360-query.ts';
import { ZoneMapPanelBuilder, labelsIn } from '../zonemap-panel.ts';
import { EXECUTIVE_TEXTS } from '../texts/executive.ts';
import { COMMON_TEXTS } from '../texts/common.ts';
import { fill, uidIn, type Lang } from '../language.ts';

const TODAY = 'now/d';
const WEEK = '7d';

export function executive(lang: Lang) {
  const t = EXECUTIVE_TEXTS[lang];
  const d = dashboard({
    lang,
    uid: DASHBOARD_UIDS.executive,
    title: t.title,
    description: fill(t.description, { url: `/d/${uidIn(DASHBOARD_UIDS.executive, lang)}?kiosk&refresh=10s` }),
    refresh: '10s',
    from: 'now/d',
  });
  for (const v of filterVariables(lang)) {
    d.withVariable(v);
  }

  d.withPanel(
    new Stat()
      .id(1)
      .title(t.requestsToday)
      .description(t.requestsTodayAbout)
      .gridPos(at(0, 0, 5, 6))
      .datasource(S360)
      .timeFrom(TODAY)
      .withTarget(s360('A', 'received').interval('1h'))
      .reduceOptions(new ReduceDataOptionsBuilder().calcs(['sum']).values(false))
      .graphMode(BigValueGraphMode.Area)
      .colorMode(BigValueColorMode.Value)
      .textMode(BigValueTextMode.Value)
      .unit('short')
      .decimals(0)
      .colorScheme(thresholdColors())
      .thresholds(thresholds({ value: null, color: 'blue' }))
  );
  d.withPanel(
    new Stat()
      .id(2)
      .title(t.backlog)
      .description(t.backlogAbout)
      .gridPos(at(5, 0, 5, 6))
      .datasource(S360)
      .timeFrom(TODAY)
      .withTarget(s360('A', 'backlog').interval('1h'))
      .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
      .graphMode(BigValueGraphMode.Area)
      .colorMode(BigValueColorMode.Value)
      .textMode(BigValueTextMode.Value)
      .unit('short')
      .decimals(0)
      .colorScheme(thresholdColors())
      .thresholds(thresholds({ value: null, color: 'purple' }))
  );
  d.withPanel(
    new Stat()
      .id(3)
      .title(t.onTime)
      .description(t.onTimeAbout)
      .gridPos(at(10, 0, 5, 6))
      .datasource(S360)
      .timeFrom(WEEK)
      .withTarget(s360('A', 'on_time_pct').table())
      .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
      .graphMode(BigValueGraphMode.None)
      .colorMode(BigValueColorMode.Background)
      .textMode(BigValueTextMode.Value)
      .unit('percent')
      .decimals(1)
      .min(0)
      .max(100)
      .colorScheme(thresholdColors())
      .thresholds(thresholds(...ON_TIME_STEPS))
  );
  d.withPanel(
    new Stat()
      .id(4)
      .title(t.firstResponse)
      .description(t.firstResponseAbout)
      .gridPos(at(15, 0, 5, 6))
      .datasource(S360)
      .timeFrom(TODAY)
      .withTarget(s360('A', 'first_response_median').table())
      .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
      .graphMode(BigValueGraphMode.None)
      .colorMode(BigValueColorMode.Value)
      .textMode(BigValueTextMode.Value)
      .unit('s')
      .decimals(0)
      .colorScheme(thresholdColors())
      .thresholds(
        thresholds(
          { value: null, color: 'green' },
          { value: 4 * 3600, color: 'orange' },
          { value: 8 * 3600, color: 'red' }
        )
      )
  );
  d.withPanel(
    new Gauge()
      .id(5)
      .title(t.progress)
      .description(t.progressAbout)
      .gridPos(at(20, 0, 4, 6))
      .datasource(S360)
      .timeFrom(TODAY)
      .withTarget(s360('A', 'progress_mean').table())
      .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
      .unit('percent')
      .decimals(0)
      .min(0)
      .max(100)
      .showThresholdMarkers(false)
      .colorScheme(thresholdColors())
      .thresholds(
        thresholds({ value: null, color: 'orange' }, { value: 40, color: 'yellow' }, { value: 60, color: 'green' })
      )
  );
  d.withPanel(
    new ZoneMapPanelBuilder()
      .id(6)
      .title(t.map)
      .description(t.mapAbout)
      .gridPos(at(0, 6, 14, 18))
      .timeFrom(TODAY)
      .withTarget(s360('A', 'received').groupBy('zone').table().crossFilter('zone'))
      .mapOptions({
        tvMode: true,
        view: { fit: 'zones' },
        zones: { valueField: 'received', reducer: 'sum' },
        points: { enabled: false },
        hotspots: { enabled: false },
        heatmap: { enabled: false },
        labels: { enabled: true, language: labelsIn(lang), showValue: true },
      })
      .unit('short')
      .decimals(0)
  );
  d.withPanel(
    new PieChart()
      .id(7)
      .title(t.channels)
      .description(t.channelsAbout)
      .gridPos(at(14, 6, 10, 9))
      .datasource(S360)
      .timeFrom(TODAY)
      .withTarget(s360('A', 'received').groupBy('channel').table())
      .withTransformation(hideFields('channel_code'))
      .pieType(PieChartType.Donut)
      .displayLabels([PieChartLabels.Percent])
      .reduceOptions(new ReduceDataOptionsBuilder().values(true).calcs([]).fields('/^received$/'))
      .legend(
        new PieChartLegendOptionsBuilder()
          .showLegend(true)
          .displayMode(LegendDisplayMode.Table)
          .placement(LegendPlacement.Right)
          .values([PieChartLegendValues.Value, PieChartLegendValues.Percent])
      )
      .unit('short')
      .colorScheme(paletteColors())
  );
  d.withPanel(
    new BarChart()
      .id(8)
      .title(t.categories)
      .description(t.categoriesAbout)
      .gridPos(at(14, 15, 10, 9))
      .datasource(S360)
      .timeFrom(TODAY)
      .withTarget(s360('A', 'received').groupBy('category').table())
      .withTransformation(hideFields('category_code'))
      .xField('category')
      .orientation(VizOrientation.Horizontal)
      .showValue(VisibilityMode.Always)
      .legend(new VizLegendOptionsBuilder().showLegend(false))
      .unit('short')
      .decimals(0)
      .colorScheme(paletteColors())
  );
  d.withPanel(
    new Table()
      .id(9)
      .title(t.topics)
      .description(t.topicsAbout)
      .gridPos(at(0, 24, 24, 8))
      .datasource(S360)
      .timeFrom(WEEK)
      .withTarget(s360('A', 'recurring_topics').table().topN(5))
      .withTransformation(hideFields('topic_code'))
      .overrideByName('change_pct', [
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
      ])
  );
  d.withPanel(
    new BarGauge()
      .id(10)
      .title(t.stages)
      .description(t.stagesAbout)
      .gridPos(at(0, 32, 8, 10))
      .datasource(S360)
      .withTarget(s360('A', 'open_by_stage').table())
      .reduceOptions(new ReduceDataOptionsBuilder().values(true).calcs([]).fields('/^share$/'))
      .displayMode(BarGaugeDisplayMode.Basic)
      .orientation(VizOrientation.Horizontal)
      .namePlacement(BarGaugeNamePlacement.Left)
      .unit('percent')
      .decimals(1)
      .min(0)
      .max(100)
      .colorScheme(thresholdColors())
      .thresholds(thresholds({ value: null, color: 'blue' }))
  );
  d.withPanel(
    new AlertListPanelBuilder()
      .id(11)
      .title(t.alerts)
      .description(t.alertsAbout)
      .gridPos(at(8, 32, 6, 10))
  );
  d.withPanel(
    new Table()
      .id(12)
      .title(t.dueSoon)
      .description(t.dueSoonAbout)
      .gridPos(at(14, 32, 10, 10))
      .datasource(S360)
      .withTarget(s360('A', 'due_soon').table().topN(20))
      .overrideByName('reference', [
        {
          id: 'links',
          value: [
            {
              title: COMMON_TEXTS[lang].requestJourneyLink,
              url: `/d/${uidIn(DASHBOARD_UIDS.journey, lang)}?var-reference=\${__value.raw}`,
            },
          ],
        },
      ])
      .overrideByName('minutes_left', [
        { id: 'custom.cellOptions', value: { type: 'color-text' } },
        { id: 'color', value: { mode: 'thresholds' } },
        {
          id: 'thresholds',
          value: {
            mode: 'absolute',
            steps: [
              { value: null, color: 'red' },
              { value: 15, color: 'orange' },
              { value: 30, color: 'yellow' },
            ],
          },
        },
      ])
  );
  return d.build();
}
