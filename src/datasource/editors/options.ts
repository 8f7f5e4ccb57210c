// Options of the editors' pickers. Template variables are offered as `$name` after the fixed choices.
import type { ComboboxOption } from '@grafana/ui';
import { DIMENSIONS, LANGUAGES, METRICS, type Dimension, type Language } from '../catalog.ts';

/** The language picker's value for "the datasource's default". */
export const DEFAULT_LANGUAGE_OPTION = '__default';

export function variableOptions(names: readonly string[]): Array<ComboboxOption<string>> {
  return names.map((name) => ({ value: `$${name}`, label: `$${name}`, description: 'Template variable', group: 'Variables' }));
}

export function metricOptions(variableNames: readonly string[] = []): Array<ComboboxOption<string>> {
  return [...METRICS.map((m) => ({ value: m.value, label: m.label, description: m.description })), ...variableOptions(variableNames)];
}

export function dimensionOptions(exclude: readonly Dimension[] = []): Array<ComboboxOption<Dimension>> {
  return DIMENSIONS.filter((d) => !exclude.includes(d.value)).map((d) => ({ value: d.value, label: d.label }));
}

export function languageOptions(defaultLanguage: Language, variableNames: readonly string[] = []): Array<ComboboxOption<string>> {
  const defaultLabel = LANGUAGES.find((l) => l.value === defaultLanguage)?.label ?? defaultLanguage;
  return [
    { value: DEFAULT_LANGUAGE_OPTION, label: `Default (${defaultLabel})` },
    ...LANGUAGES.map((l) => ({ value: l.value, label: l.label })),
    ...variableOptions(variableNames),
  ];
}

export function dimensionLabel(dimension: Dimension): string {
  return DIMENSIONS.find((d) => d.value === dimension)?.label ?? dimension;
}
