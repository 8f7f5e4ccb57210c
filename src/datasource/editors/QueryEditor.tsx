// The query editor: the kind (metrics or one request), then for metrics: metric, format, language, group-by,
// filters per dimension, top N (recurring topics) and an optional minimum interval; for a request: the reference
// (a template variable allowed) and the language. A saved query is migrated (migrations.ts) when the editor opens it.
// Metrics, dimensions and values are the aggregator's catalogue (GET /v1/catalog), named in the query's language.
import React, { useEffect, useMemo } from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { Combobox, InlineField, Input, MultiCombobox, RadioButtonGroup, Stack } from '@grafana/ui';
import { groupByDimensions, isTableOnly, metricOf } from '../catalog/catalog.ts';
import { FORMATS, type Dimension, type QueryFormat } from '../vocabulary.ts';
import type { S360DataSource } from '../datasource.ts';
import { migrateQuery, needsMigration } from '../migrations.ts';
import { DEFAULT_TOP_N, type S360Options, type S360Query } from '../types.ts';
import { FiltersEditor } from './FiltersEditor.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';
import { dimensionOptions, editorLanguage, metricOptions } from './options.ts';
import {
  withFormat,
  withGroupBy,
  withInterval,
  withLanguage,
  withMetric,
  withQueryType,
  withReference,
  withTopN,
  type EditorKind,
} from './query-changes.ts';
import { useCatalog } from './useCatalog.ts';
import { useVariableNames } from './useVariableNames.ts';

export type QueryEditorPropsS360 = QueryEditorProps<S360DataSource, S360Query, S360Options>;

const LABEL_WIDTH = 14;

const KINDS: Array<{ value: EditorKind; label: string; description: string }> = [
  { value: 'metrics', label: 'Metrics', description: 'Figures over time or by group (POST /v1/query)' },
  { value: 'request', label: 'Request', description: 'One request and its journey, by reference number' },
];

export function QueryEditor({ query: saved, onChange, onRunQuery, datasource }: QueryEditorPropsS360) {
  const query = useMemo(() => migrateQuery(saved), [saved]);
  const variableNames = useVariableNames();
  const catalog = useCatalog(datasource);
  const language = editorLanguage(query.language, datasource.defaultLanguage);

  // Store the migrated form once, so the saved dashboard carries the current shape.
  useEffect(() => {
    if (needsMigration(saved)) {
      onChange(query);
    }
  }, [saved, query, onChange]);

  const change = (next: S360Query) => {
    onChange(next);
    onRunQuery();
  };
  const tableOnly = isTableOnly(query.metric, catalog);
  const kind: EditorKind = query.queryType === 'request' ? 'request' : 'metrics';

  const kindField = (
    <InlineField
      label="Kind"
      labelWidth={LABEL_WIDTH}
      tooltip="Metrics: figures over time or by group. Request: one request and its journey (two frames)."
    >
      <RadioButtonGroup<EditorKind>
        aria-label="Kind"
        options={KINDS}
        value={kind}
        onChange={(next) => change(withQueryType(query, next))}
      />
    </InlineField>
  );
  const languageField = (
    <InlineField label="Language" tooltip="Language of group names, field names and units">
      <LanguagePicker
        value={query.language}
        onChange={(language) => change(withLanguage(query, language))}
        defaultLanguage={datasource.defaultLanguage}
        variableNames={variableNames}
        catalog={catalog}
      />
    </InlineField>
  );

  if (kind === 'request') {
    return (
      <Stack direction="column" gap={0}>
        {kindField}
        <Stack direction="row" gap={1} wrap="wrap">
          <InlineField
            label="Reference"
            labelWidth={LABEL_WIDTH}
            tooltip="A reference number (S360-000012345), a request id, or a template variable such as $reference"
            htmlFor={`s360-reference-${query.refId}`}
          >
            <Input
              key={query.reference ?? ''}
              id={`s360-reference-${query.refId}`}
              aria-label="Reference"
              width={36}
              placeholder="S360-000012345 or $reference"
              defaultValue={query.reference ?? ''}
              onBlur={(e) => {
                if (e.currentTarget.value.trim() !== (query.reference ?? '')) {
                  change(withReference(query, e.currentTarget.value));
                }
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.currentTarget.blur();
                }
              }}
            />
          </InlineField>
          {languageField}
        </Stack>
      </Stack>
    );
  }

  return (
    <Stack direction="column" gap={0}>
      {kindField}
      <Stack direction="row" gap={1} wrap="wrap">
        <InlineField label="Metric" labelWidth={LABEL_WIDTH} htmlFor={`s360-metric-${query.refId}`}>
          <Combobox<string>
            id={`s360-metric-${query.refId}`}
            aria-label="Metric"
            width={36}
            createCustomValue
            options={metricOptions(catalog, language, variableNames)}
            value={query.metric}
            onChange={(option) => change(withMetric(query, option.value, catalog))}
          />
        </InlineField>
        <InlineField label="Format">
          <RadioButtonGroup<QueryFormat>
            aria-label="Format"
            options={FORMATS.map((f) => ({ value: f.value, label: f.label }))}
            disabledOptions={tableOnly ? ['time_series'] : []}
            value={query.format}
            onChange={(format) => change(withFormat(query, format, catalog))}
          />
        </InlineField>
        {languageField}
      </Stack>
      {!tableOnly && (
        <InlineField
          label="Group by"
          labelWidth={LABEL_WIDTH}
          tooltip="One series (or table row) per combination of these dimensions"
          htmlFor={`s360-group-by-${query.refId}`}
        >
          <MultiCombobox<Dimension>
            id={`s360-group-by-${query.refId}`}
            width={48}
            options={dimensionOptions(catalog, language, [], groupByDimensions(catalog, query.metric))}
            value={query.groupBy}
            onChange={(selected) =>
              change(
                withGroupBy(
                  query,
                  selected.map((o) => o.value)
                )
              )
            }
          />
        </InlineField>
      )}
      <FiltersEditor
        idPrefix={`s360-${query.refId}`}
        filters={query.filters}
        catalog={catalog}
        language={language}
        dimensions={metricOf(catalog, query.metric)?.filters}
        labelWidth={LABEL_WIDTH}
        variableNames={variableNames}
        loadValues={(dimension, search) => datasource.dimensionOptions(dimension, query.language, search)}
        onChange={(filters) => change({ ...query, filters })}
      />
      <Stack direction="row" gap={1}>
        {metricOf(catalog, query.metric)?.options.includes('top_n') && (
          <InlineField label="Top N" labelWidth={LABEL_WIDTH} tooltip="How many rows to list">
            <Input
              aria-label="Top N"
              type="number"
              min={1}
              width={10}
              defaultValue={query.topN ?? DEFAULT_TOP_N}
              onBlur={(e) => change(withTopN(query, e.currentTarget.value))}
            />
          </InlineField>
        )}
        {!tableOnly && (
          <InlineField
            label="Min interval"
            labelWidth={LABEL_WIDTH}
            tooltip="Smallest bucket for this query (e.g. 1h, 1d); never below the panel's $__interval"
          >
            <Input
              aria-label="Min interval"
              width={12}
              placeholder="$__interval"
              defaultValue={query.interval ?? ''}
              onBlur={(e) => change(withInterval(query, e.currentTarget.value))}
            />
          </InlineField>
        )}
      </Stack>
    </Stack>
  );
}
