// The names of the codes a request carries on the map (its category, topic, channel, priority, status class), and of
// the properties themselves, in the panel's language — read from the aggregator's catalogue (GET /v1/catalog, the
// document the datasource's editors use), so the panel compiles in no list of names and a city's own categories are
// named as the city names them. A code the catalogue does not hold has no name here (the caller shows the code). Pure.
import { readCatalog } from '../../datasource/catalog/wire.ts';
import type { PanelLanguage } from '../i18n.ts';

export interface ValueNames {
  /** The name of `code` of a tile property or frame field that is a catalogue dimension (category, topic...). */
  value(property: string, code: string): string | undefined;
  /** The name of the property itself ("Category", "الفئة"). */
  property(property: string): string | undefined;
}

export const NO_NAMES: ValueNames = { value: () => undefined, property: () => undefined };

/** The names from a GET /v1/catalog body; throws when the body is not a catalogue. */
export function valueNames(body: unknown, lang: PanelLanguage): ValueNames {
  const catalog = readCatalog(body);
  const nameOf = (x: { name_en: string; name_ar: string }) =>
    (lang === 'ar' ? x.name_ar : x.name_en) || x.name_en || undefined;
  const values = new Map(
    Object.entries(catalog.values).map(([dim, list]) => [dim, new Map(list.map((v) => [v.code, nameOf(v)]))])
  );
  const properties = new Map(catalog.dimensions.map((d) => [d.code, nameOf(d)]));
  return {
    value: (property, code) => values.get(property)?.get(code),
    property: (property) => properties.get(property),
  };
}
