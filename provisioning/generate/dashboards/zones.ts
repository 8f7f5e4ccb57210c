// Zones: where requests come from on the map, per resident, and where the open work sits. Clicking a zone on a
// map sets the `zone` variable, which every other panel's query filters on (the maps keep the whole city).
import {
  BarGaugeDisplayMode,
  BarGaugeNamePlacement,
  LegendDisplayMode,
  LegendPlacement,
  ReduceDataOptionsBuilder,
  VizLegendOptionsBuilder,
  VizOrientation,
} from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder as BarGauge } from '@grafana/grafana-foundation-sdk/bargauge';
import { PanelBuilder as Table } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeSeries } from '@grafana/grafana-foundation-sdk/timeseries';
import { at, dashboard, filterVariables, hideFields, paletteColors, thresholdColors, thresholds } from '../common.ts';
import { DASHBOARD_UIDS, S360 } from '../refs.ts';
import { s360 } from '../s360-query.ts';
import { ZoneMapPanelBuilder, labelsIn } from '../zonemap-panel.ts';
import { ZONES_TEXTS } from '../texts/zones.ts';
import type { Lang } from '../language.ts';

/** Tile filters: the dashboard variables the queries use, but the zone the map's own click sets (cross-filter). */
const TILE_FILTERS = 'channel=$channel&category=$category&department=$department';

export function zones(lang: Lang) {
  const t = ZONES_TEXTS[lang];
  const d = dashboard({
    lang,
    uid: DASHBOARD_UIDS.zones,
    title: t.title,
    description: t.description,
    refresh: '30s',
    from: 'now-7d',
  });
  for (const v of filterVariables(lang)) {
    d.withVariable(v);
  }

  d.withPanel(
    new ZoneMapPanelBuilder()
      .id(1)
      .title(t.last24h)
      .description(t.last24hAbout)
      .gridPos(at(0, 0, 12, 16))
      .timeFrom('24h')
      .withTarget(s360('A', 'received').groupBy('zone').table().crossFilter('zone'))
      .mapOptions({
        tvMode: true,
        variableName: 'zone',
        zones: { valueField: 'received', reducer: 'sum' },
        points: { enabled: true, source: 'tiles', tileQuery: TILE_FILTERS, colorBy: 'category' },
        hotspots: { enabled: false },
        heatmap: { enabled: false },
        labels: { enabled: true, language: labelsIn(lang), showValue: false },
      })
      .unit('short')
      .decimals(0)
  );
  d.withPanel(
    new ZoneMapPanelBuilder()
      .id(2)
      .title(t.perCapitaMap)
      .description(t.perCapitaMapAbout)
      .gridPos(at(12, 0, 12, 16))
      .withTarget(s360('A', 'received_per_10k').groupBy('zone').table().crossFilter('zone'))
      .mapOptions({
        tvMode: true,
        variableName: 'zone',
        zones: { valueField: 'received_per_10k', reducer: 'sum' },
        points: { enabled: false },
        hotspots: { enabled: false },
        heatmap: { enabled: false },
        labels: { enabled: true, language: labelsIn(lang), showValue: false },
      })
      // The datasource gives the field decimals: 2, which a panel default does not replace; an override does.
      .unit('short')
      .decimals(1)
      .overrideByName('received_per_10k', [{ id: 'decimals', value: 1 }])
  );
  d.withPanel(
    new Table()
      .id(3)
      .title(t.perCapitaTable)
      .description(t.perCapitaTableAbout)
      .gridPos(at(0, 16, 14, 12))
      .datasource(S360)
      .withTarget(s360('A', 'received_per_10k').groupBy('zone').table())
      .withTarget(s360('B', 'received').groupBy('zone').table())
      .withTarget(s360('C', 'backlog').groupBy('zone').table())
      .withTransformation({ id: 'merge', options: {} })
      .withTransformation({ id: 'sortBy', options: { sort: [{ field: 'received_per_10k', desc: true }] } })
      .withTransformation(hideFields('zone_code'))
      .overrideByName('received_per_10k', [
        { id: 'custom.cellOptions', value: { type: 'gauge', mode: 'basic' } },
        { id: 'color', value: { mode: 'continuous-YlRd' } },
        { id: 'decimals', value: 1 },
      ])
  );
  d.withPanel(
    new BarGauge()
      .id(4)
      .title(t.backlog)
      .description(t.backlogAbout)
      .gridPos(at(14, 16, 10, 12))
      .datasource(S360)
      .withTarget(s360('A', 'backlog').groupBy('zone').table())
      .withTransformation({ id: 'sortBy', options: { sort: [{ field: 'backlog', desc: true }] } })
      .withTransformation({ id: 'limit', options: { limitField: 15 } })
      .withTransformation(hideFields('zone_code'))
      .reduceOptions(new ReduceDataOptionsBuilder().values(true).calcs([]).fields('/^backlog$/'))
      .displayMode(BarGaugeDisplayMode.Gradient)
      .orientation(VizOrientation.Horizontal)
      .namePlacement(BarGaugeNamePlacement.Left)
      .unit('short')
      .decimals(0)
      .colorScheme(thresholdColors())
      .thresholds(
        thresholds({ value: null, color: 'green' }, { value: 50, color: 'orange' }, { value: 100, color: 'red' })
      )
  );
  d.withPanel(
    new TimeSeries()
      .id(5)
      .title(t.selected)
      .description(t.selectedAbout)
      .gridPos(at(0, 28, 24, 8))
      .datasource(S360)
      .withTarget(s360('A', 'received').interval('1h'))
      .fillOpacity(20)
      .lineWidth(2)
      .legend(
        new VizLegendOptionsBuilder()
          .showLegend(false)
          .displayMode(LegendDisplayMode.List)
          .placement(LegendPlacement.Bottom)
      )
      .unit('short')
      .decimals(0)
      .colorScheme(paletteColors())
  );
  return d.build();
}
