// Proactive: what the next days bring and what to act on now (issue 18). The forecasts come from the nightly fit
// (backend/forecast/); the time range is the next 7 days, the panels about the past (action list, campaign row)
// look back 30 days. "Running above forecast now" is the panel the alert rule of the same name links to (id 3).
import {
  BarGaugeDisplayMode,
  BarGaugeNamePlacement,
  LegendDisplayMode,
  LegendPlacement,
  ReduceDataOptionsBuilder,
  VizLegendOptionsBuilder,
  VizOrientation,
} from '@grafana/grafana-foundation-sdk/common';
import { RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelBuilder as BarGauge } from '@grafana/grafana-foundation-sdk/bargauge';
import { PanelBuilder as Table } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeSeries } from '@grafana/grafana-foundation-sdk/timeseries';
import { at, dashboard, filterVariables, hideFields, paletteColors, thresholdColors, thresholds } from '../common.ts';
import { DASHBOARD_UIDS, S360 } from '../refs.ts';
import { s360 } from '../s360-query.ts';
import { ZoneMapPanelBuilder, labelsIn } from '../zonemap-panel.ts';
import { PROACTIVE_TEXTS } from '../texts/proactive.ts';
import type { Lang } from '../language.ts';

const mapLayers = (lang: Lang) => ({
  points: { enabled: false },
  hotspots: { enabled: false },
  heatmap: { enabled: false },
  labels: { enabled: true, language: labelsIn(lang), showValue: false },
});
const LOOK_BACK = '30d';

export function proactive(lang: Lang) {
  const t = PROACTIVE_TEXTS[lang];
  const d = dashboard({
    lang,
    uid: DASHBOARD_UIDS.proactive,
    title: t.title,
    description: t.description,
    refresh: '30s',
    from: 'now/d',
    to: 'now+7d/d',
  });
  for (const v of filterVariables(lang)) {
    d.withVariable(v);
  }

  d.withPanel(
    new TimeSeries()
      .id(1)
      .title(t.next7)
      .description(t.next7About)
      .gridPos(at(0, 0, 14, 11))
      .datasource(S360)
      .withTarget(
        s360('A', 'forecast_received')
          .groupBy('department')
          .filters({ department: ['$department'] }, false)
          .interval('1d')
      )
      .lineWidth(2)
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
  d.withPanel(
    new ZoneMapPanelBuilder()
      .id(2)
      .title(t.tomorrowMap)
      .description(t.tomorrowMapAbout)
      .gridPos(at(14, 0, 10, 11))
      .withTarget(s360('A', 'forecast_received').groupBy('zone').filters({}, false).table())
      .mapOptions({
        variableName: 'zone',
        zones: { valueField: 'tomorrow_per_10k', reducer: 'sum' },
        ...mapLayers(lang),
      })
      .unit('short')
      .decimals(1)
  );
  d.withPanel(
    new Table()
      .id(3)
      .title(t.above)
      .description(t.aboveAbout)
      .gridPos(at(0, 11, 12, 10))
      .datasource(S360)
      .timeFrom('now/d')
      .withTarget(
        s360('A', 'running_above_forecast')
          .groupBy('zone', 'topic')
          .filters({ zone: ['$zone'], department: ['$department'] }, false)
          .table()
      )
      .withTransformation(hideFields('zone_code', 'topic_code'))
      .overrideByName('above_pct', [
        { id: 'custom.cellOptions', value: { type: 'color-background' } },
        { id: 'color', value: { mode: 'continuous-YlRd' } },
      ])
  );
  d.withPanel(
    new Table()
      .id(4)
      .title(t.actNow)
      .description(t.actNowAbout)
      .gridPos(at(12, 11, 12, 10))
      .datasource(S360)
      .timeFrom(LOOK_BACK)
      .withTarget(
        s360('A', 'proactive_actions')
          .filters({ zone: ['$zone'], department: ['$department'] }, false)
          .table()
          .topN(20)
      )
      .withTransformation(hideFields('zone_code', 'topic_code', 'score'))
  );
  d.withPanel(
    new Table()
      .id(5)
      .title(t.accuracy)
      .description(t.accuracyAbout)
      .gridPos(at(0, 21, 24, 7))
      .datasource(S360)
      .withTarget(s360('A', 'forecast_accuracy').filters({}, false).table())
      .withTransformation(hideFields('level_code'))
  );
  d.withRow(new RowBuilder(t.campaignRow).id(6).gridPos(at(0, 28, 24, 1)));
  d.withPanel(
    new ZoneMapPanelBuilder()
      .id(7)
      .title(t.digitalMap)
      .description(t.digitalMapAbout)
      .gridPos(at(0, 29, 10, 12))
      .timeFrom(LOOK_BACK)
      .withTarget(s360('A', 'digital_share').groupBy('zone').table().crossFilter('zone'))
      .mapOptions({ variableName: 'zone', zones: { valueField: 'digital_share', reducer: 'mean' }, ...mapLayers(lang) })
      .unit('percent')
      .decimals(0)
  );
  d.withPanel(
    new BarGauge()
      .id(8)
      .title(t.inquiries)
      .description(t.inquiriesAbout)
      .gridPos(at(10, 29, 7, 12))
      .datasource(S360)
      .timeFrom(LOOK_BACK)
      .withTarget(
        s360('A', 'received_per_10k')
          .groupBy('zone')
          .filters({ category: ['inquiry'] })
          .table()
      )
      .withTransformation({ id: 'sortBy', options: { sort: [{ field: 'received_per_10k', desc: true }] } })
      .withTransformation({ id: 'limit', options: { limitField: 15 } })
      .withTransformation(hideFields('zone_code'))
      .reduceOptions(new ReduceDataOptionsBuilder().values(true).calcs([]).fields('/^received_per_10k$/'))
      .displayMode(BarGaugeDisplayMode.Gradient)
      .orientation(VizOrientation.Horizontal)
      .namePlacement(BarGaugeNamePlacement.Left)
      .unit('short')
      .decimals(1)
      .colorScheme(thresholdColors())
      .thresholds(
        thresholds({ value: null, color: 'green' }, { value: 50, color: 'orange' }, { value: 100, color: 'red' })
      )
  );
  d.withPanel(
    new BarGauge()
      .id(9)
      .title(t.cityRate)
      .description(t.cityRateAbout)
      .gridPos(at(17, 29, 7, 12))
      .datasource(S360)
      .timeFrom(LOOK_BACK)
      .withTarget(
        s360('A', 'received_per_10k')
          .filters({ category: ['inquiry'] })
          .table()
      )
      .withTarget(s360('B', 'satisfaction_mean').groupBy('channel').table())
      .reduceOptions(new ReduceDataOptionsBuilder().values(true).calcs([]))
      .displayMode(BarGaugeDisplayMode.Basic)
      .orientation(VizOrientation.Horizontal)
      .namePlacement(BarGaugeNamePlacement.Left)
      .unit('short')
      .decimals(1)
      .colorScheme(paletteColors())
  );
  return d.build();
}
