// The language picker every editor shows: the datasource's default, the label languages the city uses (catalogue), or a
// template variable; `undefined` means the default.
import React from 'react';
import { Combobox } from '@grafana/ui';
import type { Catalog } from '../catalog/catalog.ts';
import type { Language } from '../vocabulary.ts';
import { DEFAULT_LANGUAGE_OPTION, languageOptions } from './options.ts';

export interface LanguagePickerProps {
  value: string | undefined;
  onChange: (language: string | undefined) => void;
  defaultLanguage: Language;
  variableNames: readonly string[];
  catalog: Catalog;
}

export function LanguagePicker({ value, onChange, defaultLanguage, variableNames, catalog }: LanguagePickerProps) {
  return (
    <Combobox<string>
      aria-label="Language"
      width={24}
      createCustomValue
      options={languageOptions(defaultLanguage, variableNames, catalog)}
      value={value ?? DEFAULT_LANGUAGE_OPTION}
      onChange={(option) => onChange(option.value === DEFAULT_LANGUAGE_OPTION ? undefined : option.value)}
    />
  );
}
