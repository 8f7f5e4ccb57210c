// SLA and advisors: on-time resolution by department, warnings and breaches, the open backlog per department,
// and how fast each advisor answers. The alert rules "on time below target" and "backlog over bound" link here.
import {
  BarGaugeDisplayMode,
  BarGaugeNamePlacement,
  LegendDisplayMode,
  LegendPlacement,
  ReduceDataOptionsBuilder,
  VizLegendOptionsBuilder,
  VizOrientation,
  VisibilityMode,
} from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder as BarChart } from '@grafana/grafana-foundation-sdk/barchart';
import { PanelBuilder as BarGauge } from '@grafana/grafana-foundation-sdk/bargauge';
import { PanelBuilder as Table } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeSeries } from '@grafana/grafana-foundation-sdk/timeseries';
import {
  ON_TIME_STEPS,
  SLA_TARGET_PCT,
  at,
  dashboard,
  filterVariables,
  hideFields,
  paletteColors,
  thresholdColors,
  thresholds,
} from '../common.ts';
import { ALERT_PANELS, DASHBOARD_UIDS, S360 } from '../refs.ts';
import { s360 } from '../s360-query.ts';
import { SLA_TEXTS } from '../texts/sla.ts';
import { fill, type Lang } from '../language.ts';

export function sla(lang: Lang) {
  const t = SLA_TEXTS[lang];
  const d = dashboard({
    lang,
    uid: DASHBOARD_UIDS.sla,
    title: t.title,
    description: t.description,
    refresh: '30s',
    from: 'now-7d',
  });
  for (const v of filterVariables(lang)) {
    d.withVariable(v);
  }

  d.withPanel(
    new BarGauge()
      .id(ALERT_PANELS.onTimeByDepartment.panelId)
      .title(t.onTime)
      .description(fill(t.onTimeAbout, { target: SLA_TARGET_PCT }))
      .gridPos(at(0, 0, 12, 10))
      .datasource(S360)
      .withTarget(s360('A', 'on_time_pct').groupBy('department').table())
      .withTransformation(hideFields('department_code'))
      .reduceOptions(new ReduceDataOptionsBuilder().values(true).calcs([]).fields('/^on_time_pct$/'))
      .displayMode(BarGaugeDisplayMode.Lcd)
      .orientation(VizOrientation.Horizontal)
      .namePlacement(BarGaugeNamePlacement.Left)
      .unit('percent')
      .decimals(1)
      .min(0)
      .max(100)
      .colorScheme(thresholdColors())
      .thresholds(thresholds(...ON_TIME_STEPS))
  );
  d.withPanel(
    new TimeSeries()
      .id(2)
      .title(t.onTimeDaily)
      .description(t.onTimeDailyAbout)
      .gridPos(at(12, 0, 12, 10))
      .datasource(S360)
      .withTarget(s360('A', 'on_time_pct').groupBy('department').interval('1d'))
      .min(0)
      .max(100)
      .unit('percent')
      .decimals(1)
      .lineWidth(2)
      .legend(
        new VizLegendOptionsBuilder()
          .showLegend(true)
          .displayMode(LegendDisplayMode.Table)
          .placement(LegendPlacement.Right)
          .calcs(['mean', 'min'])
      )
      .colorScheme(paletteColors())
  );
  d.withPanel(
    new TimeSeries()
      .id(3)
      .title(t.warnings)
      .description(t.warningsAbout)
      .gridPos(at(0, 10, 12, 9))
      .datasource(S360)
      .withTarget(s360('A', 'sla_warnings').interval('1h'))
      .withTarget(s360('B', 'sla_breaches').interval('1h'))
      .fillOpacity(20)
      .lineWidth(2)
      .legend(
        new VizLegendOptionsBuilder()
          .showLegend(true)
          .displayMode(LegendDisplayMode.List)
          .placement(LegendPlacement.Bottom)
      )
      .unit('short')
      .decimals(0)
      .overrideByName('sla_warnings', [{ id: 'color', value: { mode: 'fixed', fixedColor: 'orange' } }])
      .overrideByName('sla_breaches', [{ id: 'color', value: { mode: 'fixed', fixedColor: 'red' } }])
  );
  d.withPanel(
    new BarGauge()
      .id(ALERT_PANELS.backlogByDepartment.panelId)
      .title(t.backlog)
      .description(t.backlogAbout)
      .gridPos(at(12, 10, 12, 9))
      .datasource(S360)
      .withTarget(s360('A', 'backlog').groupBy('department').table())
      .withTransformation(hideFields('department_code'))
      .reduceOptions(new ReduceDataOptionsBuilder().values(true).calcs([]).fields('/^backlog$/'))
      .displayMode(BarGaugeDisplayMode.Gradient)
      .orientation(VizOrientation.Horizontal)
      .namePlacement(BarGaugeNamePlacement.Left)
      .unit('short')
      .decimals(0)
      .min(0)
      .colorScheme(thresholdColors())
      .thresholds(
        thresholds({ value: null, color: 'green' }, { value: 1500, color: 'orange' }, { value: 2000, color: 'red' })
      )
  );
  d.withPanel(
    new Table()
      .id(5)
      .title(t.advisors)
      .description(t.advisorsAbout)
      .gridPos(at(0, 19, 14, 12))
      .datasource(S360)
      .withTarget(s360('A', 'received').groupBy('advisor').table())
      .withTarget(s360('B', 'first_response_on_time_pct').groupBy('advisor').table())
      .withTarget(s360('C', 'first_response_median').groupBy('advisor').table())
      .withTarget(s360('D', 'first_response_p90').groupBy('advisor').table())
      .withTransformation({ id: 'merge', options: {} })
      .withTransformation({ id: 'sortBy', options: { sort: [{ field: 'first_response_median', desc: false }] } })
      .withTransformation(hideFields('advisor_code'))
      .overrideByName('first_response_on_time_pct', [
        { id: 'custom.cellOptions', value: { type: 'color-text' } },
        { id: 'color', value: { mode: 'thresholds' } },
        { id: 'thresholds', value: { mode: 'absolute', steps: ON_TIME_STEPS } },
      ])
  );
  d.withPanel(
    new BarChart()
      .id(6)
      .title(t.firstResponse)
      .description(t.firstResponseAbout)
      .gridPos(at(14, 19, 10, 12))
      .datasource(S360)
      .withTarget(s360('A', 'first_response_on_time_pct').groupBy('department').table())
      .withTransformation(hideFields('department_code'))
      .xField('department')
      .orientation(VizOrientation.Horizontal)
      .showValue(VisibilityMode.Always)
      .legend(new VizLegendOptionsBuilder().showLegend(false))
      .unit('percent')
      .decimals(1)
      .min(0)
      .max(100)
      .colorScheme(thresholdColors())
      .thresholds(thresholds(...ON_TIME_STEPS))
  );
  d.withPanel(
    new Table()
      .id(7)
      .title(t.breachesTable)
      .description(t.breachesTableAbout)
      .gridPos(at(0, 31, 24, 8))
      .datasource(S360)
      .withTarget(s360('A', 'sla_warnings').groupBy('department').table())
      .withTarget(s360('B', 'sla_breaches').groupBy('department').table())
      .withTransformation({ id: 'merge', options: {} })
      .withTransformation({ id: 'sortBy', options: { sort: [{ field: 'sla_breaches', desc: true }] } })
      .withTransformation(hideFields('department_code'))
  );
  return d.build();
}
