// The Services 360 zone map panel as a Foundation SDK builder, its options typed by the panel's own option
// types (src/panel/types.ts). Only what differs from the panel's defaults is written; Grafana fills the rest
// from the plugin's defaults when the dashboard loads.
import { PanelBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import type { LabelLanguage } from '../../src/panel/style/labels.ts';
import type { ZoneMapOptions } from '../../src/panel/types.ts';
import type { Lang } from './language.ts';
import { S360, ZONEMAP_PANEL } from './refs.ts';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type ZoneMapPanelOptions = DeepPartial<ZoneMapOptions>;

/** Zone labels on a dashboard of each language: both names on the English ones, the Arabic name on the Arabic copies. */
const LABELS_IN: Record<Lang, LabelLanguage> = { en: 'both', ar: 'ar' };
export const labelsIn = (lang: Lang): LabelLanguage => LABELS_IN[lang];

export class ZoneMapPanelBuilder extends PanelBuilder {
  constructor() {
    super();
    this.internal.type = ZONEMAP_PANEL;
    this.internal.datasource = S360;
    // The panel speaks the dashboard's language (its text, and the names it asks the aggregator for).
    this.internal.options = { datasourceUid: S360.uid, language: '$language' } satisfies ZoneMapPanelOptions;
  }

  /** Merges into the options written so far (one level deep per layer). */
  mapOptions(options: ZoneMapPanelOptions): this {
    const current = (this.internal.options ?? {}) as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...current };
    for (const [key, value] of Object.entries(options)) {
      const before = current[key];
      merged[key] =
        value && typeof value === 'object' && before && typeof before === 'object' ? { ...before, ...value } : value;
    }
    this.internal.options = merged;
    return this;
  }
}
