// Filters per dimension: one row per filtered dimension (values from GET /v1/variables/{dimension}, template
// variables, or typed codes), and a picker that adds a dimension. Shared by the query and variable editors.
import React from 'react';
import { Combobox, IconButton, InlineField, MultiCombobox, Stack, type ComboboxOption } from '@grafana/ui';
import { DIMENSIONS, type Dimension } from '../catalog.ts';
import type { Filters } from '../types.ts';
import { dimensionLabel, dimensionOptions, variableOptions } from './options.ts';
import { withFilter, withoutFilter } from './query-changes.ts';

export interface FiltersEditorProps {
  filters: Filters;
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

export function FiltersEditor({ filters, onChange, loadValues, variableNames, exclude = [], labelWidth = 14, idPrefix }: FiltersEditorProps) {
  const active = DIMENSIONS.map((d) => d.value).filter((d) => filters[d] !== undefined && !exclude.includes(d));
  const addable = dimensionOptions([...active, ...exclude]);
  const variables = variableOptions(variableNames);

  return (
    <Stack direction="column" gap={0}>
      {active.map((dimension) => (
        <Stack key={dimension} direction="row" gap={0} alignItems="center">
          <InlineField label={dimensionLabel(dimension)} labelWidth={labelWidth} tooltip="Every value when empty or All" htmlFor={`${idPrefix}-filter-${dimension}`}>
            <MultiCombobox<string>
              id={`${idPrefix}-filter-${dimension}`}
              width={48}
              value={filters[dimension] ?? []}
              createCustomValue
              options={async (search: string) => [...variables.filter((v) => v.value.includes(search)), { value: 'all', label: 'All' }, ...(await loadValues(dimension, search))]}
              onChange={(selected) => onChange(withFilter(filters, dimension, selected.map((o) => o.value)))}
            />
          </InlineField>
          <IconButton name="times" tooltip={`Remove the ${dimensionLabel(dimension).toLowerCase()} filter`} onClick={() => onChange(withoutFilter(filters, dimension))} />
        </Stack>
      ))}
      {addable.length > 0 && (
        <InlineField label="Filter" labelWidth={labelWidth} tooltip="Narrow the query to some values of a dimension" htmlFor={`${idPrefix}-add-filter`}>
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
