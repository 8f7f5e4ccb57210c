// The datasource settings: aggregator URL (jsonData.url, read by the plugin route), API token (secureJsonData,
// encrypted by Grafana and injected by the route) and the default language of names and units.
import React from 'react';
import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { FieldSet, InlineField, Input, RadioButtonGroup, SecretInput } from '@grafana/ui';
import { LANGUAGES, type Language } from '../vocabulary.ts';
import { DEFAULT_LANGUAGE, type S360Options, type S360SecureJsonData } from '../types.ts';
import { resetToken, urlProblem, withDefaultLanguage, withToken, withUrl } from './config-changes.ts';

export type ConfigEditorProps = DataSourcePluginOptionsEditorProps<S360Options, S360SecureJsonData>;

const LABEL_WIDTH = 20;

export function ConfigEditor({ options, onOptionsChange }: ConfigEditorProps) {
  const { jsonData, secureJsonFields } = options;
  const secureJsonData = (options.secureJsonData ?? {}) as S360SecureJsonData;
  const problem = urlProblem(jsonData.url);

  return (
    <>
      <FieldSet label="Aggregator">
        <InlineField
          label="URL"
          labelWidth={LABEL_WIDTH}
          tooltip="Where the Services 360 aggregator listens, as Grafana's server reaches it"
          invalid={Boolean(jsonData.url) && Boolean(problem)}
          error={problem}
          required
        >
          <Input
            id="s360-config-url"
            aria-label="Aggregator URL"
            width={40}
            placeholder="http://localhost:8080"
            value={jsonData.url ?? ''}
            onChange={(e) => onOptionsChange(withUrl(options, e.currentTarget.value))}
          />
        </InlineField>
        <InlineField
          label="API token"
          labelWidth={LABEL_WIDTH}
          tooltip='A token with the "read" scope (services360 create-token --scopes read). Stored encrypted; never sent to browsers.'
        >
          <SecretInput
            id="s360-config-token"
            aria-label="API token"
            width={40}
            placeholder="Paste the token"
            isConfigured={Boolean(secureJsonFields?.apiToken)}
            value={secureJsonData.apiToken ?? ''}
            onChange={(e) => onOptionsChange(withToken(options, e.currentTarget.value))}
            onReset={() => onOptionsChange(resetToken(options))}
          />
        </InlineField>
      </FieldSet>
      <FieldSet label="Display">
        <InlineField
          label="Default language"
          labelWidth={LABEL_WIDTH}
          tooltip="Language of zone, channel and topic names, field names and units, unless a query picks one"
        >
          <RadioButtonGroup<Language>
            aria-label="Default language"
            options={LANGUAGES.map((l) => ({ value: l.value, label: l.label }))}
            value={jsonData.defaultLanguage ?? DEFAULT_LANGUAGE}
            onChange={(language) => onOptionsChange(withDefaultLanguage(options, language))}
          />
        </InlineField>
      </FieldSet>
    </>
  );
}
