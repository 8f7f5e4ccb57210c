// The zone map panel: an OpenLayers map (map/ZoneMapController.ts) with the legend, tooltip and messages
// drawn over it. A click on a zone sets the dashboard variable (drill-down) and pins its tooltip with the
// value's data links; the map keeps the whole city, the selected zone outlined and the others dimmed (the
// selection is the variable's value, so it follows the URL). A second click, Escape or "Whole city" clears it.
import React, { useEffect, useMemo, useRef, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, PanelProps } from '@grafana/data';
import { config, getBackendSrv, getTemplateSrv, locationService } from '@grafana/runtime';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { lastValueFrom } from 'rxjs';
import 'ol/ol.css';
import { Legend } from './components/Legend.tsx';
import { Tooltip } from './components/Tooltip.tsx';
import { ZoneMapController, type HoverInfo, type MapState } from './map/ZoneMapController.ts';
import { resolveOptions, variableName } from './resolve-options.ts';
import { clearUpdate, clickUpdate, filtersOnVariable, selectedZone } from './selection.ts';
import type { ZoneMapOptions } from './types.ts';
import { typeScale, type TypeScale } from './style/type-scale.ts';
import { panelLanguage, translator } from './i18n.ts';

const INITIAL: MapState = { legend: null, warnings: [], noData: false, loadingZones: false, zones: 0 };

async function fetchJson(url: string): Promise<unknown> {
  const res = await lastValueFrom(
    getBackendSrv().fetch<unknown>({ url, method: 'GET', showErrorAlert: false, showSuccessAlert: false })
  );
  return res.data;
}

export function ZoneMapPanel({
  data,
  options: saved,
  width,
  height,
  timeRange,
  replaceVariables,
}: PanelProps<ZoneMapOptions>) {
  const theme = useTheme2();
  // The language may be a dashboard variable ($language): resolved here, so the layers get en or ar.
  const lang = panelLanguage(replaceVariables(String((saved as { language?: unknown })?.language ?? 'en')));
  const options = useMemo(() => ({ ...resolveOptions(saved), language: lang }), [saved, lang]);
  const t = useMemo(() => translator(lang), [lang]);
  const pixelRatio = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1;
  const type = typeScale({ width, height }, options.tvMode, pixelRatio);
  const styles = useStyles2(getStyles, type);
  const target = useRef<HTMLDivElement>(null);
  const controller = useRef<ZoneMapController | null>(null);
  const [state, setState] = useState<MapState>(INITIAL);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const [pinned, setPinned] = useState<HoverInfo | null>(null);
  const variable = useRef(options.variableName);
  variable.current = options.variableName;
  const readSelection = () =>
    selectedZone(locationService.getSearchObject(), getTemplateSrv().getVariables(), variable.current);
  const [selected, setSelected] = useState<string | null>(readSelection);
  const selection = useRef(selected);
  selection.current = selected;

  // The selection is the variable's value: read again whenever the URL (where Grafana keeps variables) or the data changes.
  useEffect(() => {
    const sub = locationService.getLocationObservable().subscribe(() => setSelected(readSelection()));
    return () => sub.unsubscribe();
  }, [options.variableName]);
  useEffect(() => setSelected(readSelection()), [data, options.variableName]);

  useEffect(() => {
    controller.current?.setSelection(selected);
  }, [selected]);

  const clear = () => {
    const update = clearUpdate(variable.current);
    if (update) {
      locationService.partial(update, true);
    }
    setPinned(null);
  };

  // Escape clears the selection (not while typing in a field).
  useEffect(() => {
    if (!selected) {
      return;
    }
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.key !== 'Escape' || e.defaultPrevented || (t && /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) {
        return;
      }
      clear();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [selected]);

  useEffect(() => {
    const element = target.current;
    if (!element) {
      return;
    }
    const c = new ZoneMapController(element, {
      fetchJson,
      appSubUrl: config.appSubUrl ?? '',
      onState: setState,
      onHover: setHover,
      onZoneClick: (code, info) => {
        const update = clickUpdate(variable.current, selection.current, code);
        if (update) {
          locationService.partial(update, true);
        }
        const again = selection.current === code;
        // Without a variable the selection is the panel's own.
        if (!update) {
          setSelected(again ? null : code);
        }
        setPinned(again ? null : info);
      },
      onClickElsewhere: () => setPinned(null),
    });
    controller.current = c;
    c.setSelection(selection.current);
    return () => {
      c.dispose();
      controller.current = null;
    };
  }, []);

  useEffect(() => {
    controller.current?.update({
      series: data.series,
      options,
      theme,
      timeRange: { from: timeRange.from.valueOf(), to: timeRange.to.valueOf() },
      replaceVariables,
      size: { width, height },
      pixelRatio,
    });
    // The size is read here but a resize alone is the next effect's (resize()); type.factor redraws when the text scale changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, options, theme, timeRange, replaceVariables, type.factor]);

  useEffect(() => {
    controller.current?.resize();
  }, [width, height]);

  const shown = pinned ?? hover;
  const selfFiltered = useMemo(
    () => filtersOnVariable(data.request?.targets, options.variableName),
    [data.request, options.variableName]
  );
  const warnings = selfFiltered
    ? [...state.warnings, t('zonemap.self-filter', { variable: variableName(options.variableName) })]
    : state.warnings;
  return (
    <div
      className={styles.wrapper}
      style={{ width, height }}
      data-testid="zonemap"
      dir={lang === 'ar' ? 'rtl' : 'ltr'}
      lang={lang}
    >
      <div ref={target} className={styles.map} data-testid="zonemap-map" />
      {state.legend && (
        <Legend model={state.legend} scale={type.factor} className={styles.legend} rtl={lang === 'ar'} />
      )}
      {shown && (
        <Tooltip
          hover={shown}
          pinned={!!pinned}
          className={styles.tooltip}
          width={width}
          height={height}
          onClose={() => setPinned(null)}
          rtl={lang === 'ar'}
          closeLabel={t('zonemap.close')}
        />
      )}
      {selected && (
        <button
          type="button"
          className={styles.wholeCity}
          onClick={clear}
          data-testid="zonemap-whole-city"
          aria-keyshortcuts="Escape"
        >
          {t('zonemap.whole-city')}
        </button>
      )}
      {warnings.length > 0 && (
        <div className={styles.warning} data-testid="zonemap-warning">
          {warnings.join(' · ')}
        </div>
      )}
      {state.noData && !state.loadingZones && (
        <div className={styles.message} data-testid="zonemap-message">
          {t('zonemap.no-data')}
        </div>
      )}
      {state.loadingZones && (
        <div className={styles.message} data-testid="zonemap-loading">
          {t('zonemap.loading-zones')}
        </div>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2, type: TypeScale) => {
  const ui = `${type.ui}px`;
  const pad = (n: number) => `${Math.round(8 * n * type.factor)}px`;
  return {
    wrapper: css({ position: 'relative', overflow: 'hidden' }),
    map: css({
      position: 'absolute',
      inset: 0,
      '.ol-control button': { background: theme.colors.background.secondary, color: theme.colors.text.primary },
    }),
    legend: css({
      position: 'absolute',
      insetInlineStart: 8,
      bottom: 8,
      zIndex: 2,
      maxWidth: '45%',
      maxHeight: '70%',
      overflow: 'auto',
      padding: pad(1),
      borderRadius: theme.shape.radius.default,
      background: theme.colors.background.primary,
      opacity: 0.92,
      boxShadow: theme.shadows.z1,
      fontSize: ui,
      lineHeight: 1.3,
    }),
    tooltip: css({
      position: 'absolute',
      zIndex: 3,
      minWidth: 160 * type.factor,
      maxWidth: 360 * type.factor,
      padding: pad(1),
      borderRadius: theme.shape.radius.default,
      background: theme.colors.background.secondary,
      color: theme.colors.text.primary,
      boxShadow: theme.shadows.z3,
      fontSize: ui,
      lineHeight: 1.3,
      // A label and its value never touch ("Requests69"): a gap between the columns.
      td: { padding: `1px ${pad(0.5)}` },
      'td:first-child': { paddingInlineStart: 0 },
    }),
    wholeCity: css({
      position: 'absolute',
      top: 8,
      insetInlineEnd: 8,
      zIndex: 3,
      cursor: 'pointer',
      padding: `${pad(0.5)} ${pad(1.5)}`,
      borderRadius: theme.shape.radius.default,
      border: `1px solid ${theme.colors.border.strong}`,
      background: theme.colors.background.primary,
      color: theme.colors.text.primary,
      fontSize: ui,
      boxShadow: theme.shadows.z1,
    }),
    warning: css({
      position: 'absolute',
      top: 4,
      left: 4,
      right: 4,
      zIndex: 2,
      padding: theme.spacing(0.5, 1),
      borderRadius: theme.shape.radius.default,
      background: theme.colors.warning.transparent,
      color: theme.colors.warning.text,
      fontSize: ui,
    }),
    message: css({
      position: 'absolute',
      inset: 0,
      zIndex: 1,
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      pointerEvents: 'none',
      color: theme.colors.text.secondary,
      fontSize: `${Math.round(type.ui * 1.5)}px`,
    }),
  };
};
