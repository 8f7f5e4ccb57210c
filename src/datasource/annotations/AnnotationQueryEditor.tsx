// Annotation queries have one choice: the language of titles and texts (those of the catalogue's that labels come in).
import React from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { Combobox, InlineField } from '@grafana/ui';
import type { S360DataSource } from '../datasource.ts';
import { DEFAULT_LANGUAGE_OPTION, languageOptions } from '../editors/options.ts';
import { useCatalog } from '../editors/useCatalog.ts';
import { useVariableNames } from '../editors/useVariableNames.ts';
import type { S360Options, S360Query } from '../types.ts';

export function AnnotationQueryEditor({ query, onChange, datasource }: QueryEditorProps<S360DataSource, S360Query, S360Options>) {
  const variableNames = useVariableNames();
  const catalog = useCatalog(datasource);
  return (
    <InlineField label="Language" labelWidth={14} tooltip="Language of the annotation titles and texts">
      <Combobox<string>
        aria-label="Language"
        width={24}
        createCustomValue
        options={languageOptions(datasource.defaultLanguage, variableNames, catalog)}
        value={query.language ?? DEFAULT_LANGUAGE_OPTION}
        onChange={(option) =>
          onChange({ ...query, queryType: 'annotations', language: option.value === DEFAULT_LANGUAGE_OPTION ? undefined : option.value })
        }
      />
    </InlineField>
  );
}
