// The zone map panel: an OpenLayers map (map/ZoneMapController.ts) with the legend, tooltip and messages
// drawn over it. A click on a zone sets the dashboard variable (drill-down) and pins its tooltip with the
// value's data links.
import React, { useEffect, useMemo, useRef, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, PanelProps } from '@grafana/data';
import { config, getBackendSrv, locationService } from '@grafana/runtime';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { lastValueFrom } from 'rxjs';
import 'ol/ol.css';
import { Legend } from './components/Legend.tsx';
import { Tooltip } from './components/Tooltip.tsx';
import { ZoneMapController, type HoverInfo, type MapState } from './map/ZoneMapController.ts';
import { resolveOptions, variableUpdate } from './resolve-options.ts';
import { TV_SCALE, type ZoneMapOptions } from './types.ts';

const INITIAL: MapState = { legend: null, warnings: [], noData: false, loadingZones: false, zones: 0 };

async function fetchJson(url: string): Promise<unknown> {
  const res = await lastValueFrom(getBackendSrv().fetch<unknown>({ url, method: 'GET', showErrorAlert: false, showSuccessAlert: false }));
  return res.data;
}

export function ZoneMapPanel({ data, options: saved, width, height, timeRange, replaceVariables }: PanelProps<ZoneMapOptions>) {
  const theme = useTheme2();
  const options = useMemo(() => resolveOptions(saved), [saved]);
  const styles = useStyles2(getStyles, options.tvMode);
  const target = useRef<HTMLDivElement>(null);
  const controller = useRef<ZoneMapController | null>(null);
  const [state, setState] = useState<MapState>(INITIAL);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const [pinned, setPinned] = useState<HoverInfo | null>(null);
  const variable = useRef(options.variableName);
  variable.current = options.variableName;

  useEffect(() => {
    const c = new ZoneMapController(target.current!, {
      fetchJson,
      appSubUrl: config.appSubUrl ?? '',
      onState: setState,
      onHover: setHover,
      onZoneClick: (info) => {
        const update = variableUpdate(variable.current, info.model.zoneCode!);
        if (update) locationService.partial(update, true);
        setPinned(info);
      },
      onClickElsewhere: () => setPinned(null),
    });
    controller.current = c;
    return () => { c.dispose(); controller.current = null; };
  }, []);

  useEffect(() => {
    controller.current?.update({ series: data.series, options, theme, timeRange: { from: timeRange.from.valueOf(), to: timeRange.to.valueOf() }, replaceVariables });
  }, [data, options, theme, timeRange, replaceVariables]);

  useEffect(() => { controller.current?.resize(); }, [width, height]);

  const shown = pinned ?? hover;
  return (
    <div className={styles.wrapper} style={{ width, height }} data-testid="zonemap">
      <div ref={target} className={styles.map} data-testid="zonemap-map" />
      {state.legend && <Legend model={state.legend} tv={options.tvMode} className={styles.legend} />}
      {shown && <Tooltip hover={shown} pinned={!!pinned} className={styles.tooltip} width={width} height={height} onClose={() => setPinned(null)} />}
      {state.warnings.length > 0 && <div className={styles.warning} data-testid="zonemap-warning">{state.warnings.join(' · ')}</div>}
      {state.noData && !state.loadingZones && <div className={styles.message} data-testid="zonemap-message">No data</div>}
      {state.loadingZones && <div className={styles.message} data-testid="zonemap-loading">Loading zones…</div>}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2, tv: boolean) => {
  const scale = tv ? TV_SCALE.legendFont : 1;
  return {
    wrapper: css({ position: 'relative', overflow: 'hidden' }),
    map: css({ position: 'absolute', inset: 0, '.ol-control button': { background: theme.colors.background.secondary, color: theme.colors.text.primary } }),
    legend: css({
      position: 'absolute', left: 8, bottom: 8, zIndex: 2, maxWidth: '45%', maxHeight: '70%', overflow: 'auto',
      padding: theme.spacing(tv ? 1.5 : 1), borderRadius: theme.shape.radius.default,
      background: theme.colors.background.primary, opacity: 0.92, boxShadow: theme.shadows.z1,
      fontSize: theme.typography.bodySmall.fontSize, ...(tv ? { fontSize: `calc(${theme.typography.bodySmall.fontSize} * ${scale})` } : {}),
    }),
    tooltip: css({
      position: 'absolute', zIndex: 3, minWidth: 160, maxWidth: 320, padding: theme.spacing(1), borderRadius: theme.shape.radius.default,
      background: theme.colors.background.secondary, color: theme.colors.text.primary, boxShadow: theme.shadows.z3, fontSize: theme.typography.bodySmall.fontSize,
    }),
    warning: css({
      position: 'absolute', top: 4, left: 4, right: 4, zIndex: 2, padding: theme.spacing(0.5, 1), borderRadius: theme.shape.radius.default,
      background: theme.colors.warning.transparent, color: theme.colors.warning.text, fontSize: theme.typography.bodySmall.fontSize,
    }),
    message: css({
      position: 'absolute', inset: 0, zIndex: 1, display: 'flex', alignItems: 'center', justifyContent: 'center', pointerEvents: 'none',
      color: theme.colors.text.secondary, fontSize: theme.typography.h4.fontSize,
    }),
  };
};
