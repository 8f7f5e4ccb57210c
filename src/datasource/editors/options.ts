// Options of the editors' pickers, from the catalogue (catalog/): names in the editor's language, template variables
// offered as `$name` after the fixed choices.
import type { ComboboxOption } from '@grafana/ui';
import { descriptionIn, dimensionOf, nameIn, type Catalog } from '../catalog/catalog.ts';
import type { CatalogDimension } from '../catalog/wire.ts';
import { LANGUAGES, isLanguage, type Dimension, type Language } from '../vocabulary.ts';

/** The language picker's value for "the datasource's default". */
export const DEFAULT_LANGUAGE_OPTION = '__default';

/** The language an editor names things in: the query's when it is one, else the datasource's default. */
export const editorLanguage = (queryLanguage: string | undefined, defaultLanguage: Language): Language =>
  isLanguage(queryLanguage) ? queryLanguage : defaultLanguage;

export function variableOptions(names: readonly string[]): Array<ComboboxOption<string>> {
  return names.map((name) => ({
    value: `$${name}`,
    label: `$${name}`,
    description: 'Template variable',
    group: 'Variables',
  }));
}

export function metricOptions(
  catalog: Catalog,
  language: Language,
  variableNames: readonly string[] = []
): Array<ComboboxOption<string>> {
  return [
    ...catalog.metrics.map((m) => ({
      value: m.code,
      label: nameIn(m, language),
      description: descriptionIn(m, language),
    })),
    ...variableOptions(variableNames),
  ];
}

/** `from`: the dimensions to offer (default: every dimension of the catalogue). */
export function dimensionOptions(
  catalog: Catalog,
  language: Language,
  exclude: readonly Dimension[] = [],
  from: readonly CatalogDimension[] = catalog.dimensions
): Array<ComboboxOption<Dimension>> {
  return from.filter((d) => !exclude.includes(d.code)).map((d) => ({ value: d.code, label: nameIn(d, language) }));
}

/** The label languages the aggregator answers in that the city uses (English and Arabic, always). */
export function languageOptions(
  defaultLanguage: Language,
  variableNames: readonly string[] = [],
  catalog?: Catalog
): Array<ComboboxOption<string>> {
  const offered = LANGUAGES.filter(
    (l) => !catalog || catalog.languages.length === 0 || catalog.languages.includes(l.value)
  );
  const defaultLabel = LANGUAGES.find((l) => l.value === defaultLanguage)?.label ?? defaultLanguage;
  return [
    { value: DEFAULT_LANGUAGE_OPTION, label: `Default (${defaultLabel})` },
    ...offered.map((l) => ({ value: l.value, label: l.label })),
    ...variableOptions(variableNames),
  ];
}

export function dimensionLabel(catalog: Catalog, dimension: Dimension, language: Language): string {
  const d = dimensionOf(catalog, dimension);
  return d ? nameIn(d, language) : dimension;
}
