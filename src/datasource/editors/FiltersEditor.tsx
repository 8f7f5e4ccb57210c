// Filters per dimension: one row per filtered dimension (values from the catalogue, template variables, or typed
// codes), and a picker that adds a dimension of the catalogue. Shared by the query and variable editors.
import React from 'react';
import { Combobox, IconButton, InlineField, MultiCombobox, Stack, type ComboboxOption } from '@grafana/ui';
import type { Catalog } from '../catalog/catalog.ts';
import type { Dimension, Language } from '../vocabulary.ts';
import type { Filters } from '../types.ts';
import { dimensionLabel, dimensionOptions, variableOptions } from './options.ts';
import { withFilter, withoutFilter } from './query-changes.ts';

export interface FiltersEditorProps {
  filters: Filters;
  /** The dimensions and their names (the aggregator's catalogue, or the compiled copy). */
  catalog: Catalog;
  /** The language of the dimensions' names. */
  language: Language;
  /** The dimensions a filter may be added on (the metric's; default: every dimension of the catalogue). */
  dimensions?: readonly Dimension[];
  onChange: (filters: Filters) => void;
  /** Values of a dimension narrowed by the search text. */
  loadValues: (dimension: Dimension, search: string) => Promise<Array<ComboboxOption<string>>>;
  variableNames: readonly string[];
  /** Dimensions not offered (the variable editor's own dimension). */
  exclude?: readonly Dimension[];
  labelWidth?: number;
  /** Makes the inputs' ids unique per query row. */
  idPrefix: string;
}

export function FiltersEditor(props: FiltersEditorProps) {
  const {
    filters,
    catalog,
    language,
    dimensions,
    onChange,
    loadValues,
    variableNames,
    exclude = [],
    labelWidth = 14,
    idPrefix,
  } = props;
  const known = catalog.dimensions.map((d) => d.code);
  const filtered = Object.keys(filters).filter((d) => filters[d] !== undefined && !exclude.includes(d));
  // The catalogue's order, then any dimension a saved query filters by that the catalogue does not list.
  const active = [...known.filter((d) => filtered.includes(d)), ...filtered.filter((d) => !known.includes(d))];
  const offered = dimensions ? catalog.dimensions.filter((d) => dimensions.includes(d.code)) : catalog.dimensions;
  const addable = dimensionOptions(catalog, language, [...active, ...exclude], offered);
  const variables = variableOptions(variableNames);
  const label = (dimension: Dimension) => dimensionLabel(catalog, dimension, language);

  return (
    <Stack direction="column" gap={0}>
      {active.map((dimension) => (
        <Stack key={dimension} direction="row" gap={0} alignItems="center">
          <InlineField
            label={label(dimension)}
            labelWidth={labelWidth}
            tooltip="Every value when empty or All"
            htmlFor={`${idPrefix}-filter-${dimension}`}
          >
            <MultiCombobox<string>
              id={`${idPrefix}-filter-${dimension}`}
              width={48}
              value={filters[dimension] ?? []}
              createCustomValue
              options={async (search: string) => [
                ...variables.filter((v) => v.value.includes(search)),
                { value: 'all', label: 'All' },
                ...(await loadValues(dimension, search)),
              ]}
              onChange={(selected) =>
                onChange(
                  withFilter(
                    filters,
                    dimension,
                    selected.map((o) => o.value)
                  )
                )
              }
            />
          </InlineField>
          <IconButton
            name="times"
            tooltip={`Remove the ${label(dimension).toLowerCase()} filter`}
            onClick={() => onChange(withoutFilter(filters, dimension))}
          />
        </Stack>
      ))}
      {addable.length > 0 && (
        <InlineField
          label="Filter"
          labelWidth={labelWidth}
          tooltip="Narrow the query to some values of a dimension"
          htmlFor={`${idPrefix}-add-filter`}
        >
          <Combobox<Dimension>
            id={`${idPrefix}-add-filter`}
            aria-label="Add filter"
            placeholder="Add a filter on…"
            width={24}
            value={null}
            options={addable}
            onChange={(option) => onChange(withFilter(filters, option.value, []))}
          />
        </InlineField>
      )}
    </Stack>
  );
}
