// Annotation queries: the language of titles and texts, and optionally the zones whose annotations to show (city-wide
// ones always show). Languages and zones come from the aggregator's catalogue (GET /v1/catalog).
import React from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { InlineField, Stack } from '@grafana/ui';
import type { S360DataSource } from '../datasource.ts';
import { FiltersEditor } from '../editors/FiltersEditor.tsx';
import { LanguagePicker } from '../editors/LanguagePicker.tsx';
import { editorLanguage } from '../editors/options.ts';
import { useCatalog } from '../editors/useCatalog.ts';
import { useVariableNames } from '../editors/useVariableNames.ts';
import type { S360Options, S360Query } from '../types.ts';

const LABEL_WIDTH = 14;
/** The one dimension GET /v1/annotations filters by. */
const ANNOTATION_FILTERS = ['zone'];

export function AnnotationQueryEditor({
  query,
  onChange,
  datasource,
}: QueryEditorProps<S360DataSource, S360Query, S360Options>) {
  const variableNames = useVariableNames();
  const catalog = useCatalog(datasource);
  const change = (next: Partial<S360Query>) => onChange({ ...query, ...next, queryType: 'annotations' });
  return (
    <Stack direction="column" gap={0}>
      <InlineField label="Language" labelWidth={LABEL_WIDTH} tooltip="Language of the annotation titles and texts">
        <LanguagePicker
          value={query.language}
          onChange={(language) => change({ language })}
          defaultLanguage={datasource.defaultLanguage}
          variableNames={variableNames}
          catalog={catalog}
        />
      </InlineField>
      <FiltersEditor
        idPrefix={`s360-annotations-${query.refId}`}
        filters={query.filters ?? {}}
        catalog={catalog}
        language={editorLanguage(query.language, datasource.defaultLanguage)}
        dimensions={ANNOTATION_FILTERS}
        labelWidth={LABEL_WIDTH}
        variableNames={variableNames}
        loadValues={(dimension, search) => datasource.dimensionOptions(dimension, query.language, search)}
        onChange={(filters) => change({ filters })}
      />
    </Stack>
  );
}
