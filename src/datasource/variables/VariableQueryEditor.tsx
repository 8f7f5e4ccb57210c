// The variable editor: which dimension to list, in which language, narrowed by other dimensions (which may be
// other variables: the topics of `$department`). Dimensions and filter values from the aggregator's catalogue.
import React, { useMemo } from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { Combobox, InlineField, Stack } from '@grafana/ui';
import type { Dimension } from '../vocabulary.ts';
import type { S360DataSource } from '../datasource.ts';
import { FiltersEditor } from '../editors/FiltersEditor.tsx';
import { LanguagePicker } from '../editors/LanguagePicker.tsx';
import { dimensionOptions, editorLanguage } from '../editors/options.ts';
import { useCatalog } from '../editors/useCatalog.ts';
import { useVariableNames } from '../editors/useVariableNames.ts';
import type { S360Options, S360Query, S360VariableQuery } from '../types.ts';
import { DEFAULT_VARIABLE_QUERY, parseVariableQuery } from './variable-query.ts';

export type VariableQueryEditorProps = QueryEditorProps<S360DataSource, S360Query, S360Options, S360VariableQuery>;

const LABEL_WIDTH = 14;

export function VariableQueryEditor({ query: saved, onChange, datasource }: VariableQueryEditorProps) {
  const catalog = useCatalog(datasource);
  const query = useMemo<S360VariableQuery>(() => {
    try {
      return parseVariableQuery(
        saved,
        catalog.dimensions.map((d) => d.code)
      );
    } catch {
      return { ...DEFAULT_VARIABLE_QUERY };
    }
  }, [saved, catalog]);
  const language = editorLanguage(query.language, datasource.defaultLanguage);
  const variableNames = useVariableNames();
  const change = (next: S360VariableQuery) => onChange({ ...next, refId: next.refId ?? 'variable' });

  return (
    <Stack direction="column" gap={0}>
      <Stack direction="row" gap={1}>
        <InlineField label="Values of" labelWidth={LABEL_WIDTH}>
          <Combobox<Dimension>
            aria-label="Dimension"
            width={24}
            options={dimensionOptions(catalog, language)}
            value={query.dimension}
            onChange={(option) => change({ ...query, dimension: option.value })}
          />
        </InlineField>
        <InlineField label="Language">
          <LanguagePicker
            value={query.language}
            onChange={(language) => change({ ...query, language })}
            defaultLanguage={datasource.defaultLanguage}
            variableNames={variableNames}
            catalog={catalog}
          />
        </InlineField>
      </Stack>
      <FiltersEditor
        idPrefix="s360-variable"
        filters={query.filters ?? {}}
        catalog={catalog}
        language={language}
        exclude={[query.dimension]}
        labelWidth={LABEL_WIDTH}
        variableNames={variableNames}
        loadValues={(dimension, search) => datasource.dimensionOptions(dimension, query.language, search)}
        onChange={(filters) => change({ ...query, filters })}
      />
    </Stack>
  );
}
