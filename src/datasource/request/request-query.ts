// A `request` query → what to ask: GET /v1/requests/{reference}?language=… (docs/api.md), or nothing and a plain
// notice when there is no reference to ask for (the box is empty, or `$reference` is a variable this dashboard does
// not define). Pure: template variables are resolved through the TemplateReplacer passed in.
import type { ScopedVars } from '@grafana/data';
import { isLanguage, type Language } from '../vocabulary.ts';
import { interpolateScalar, isUnresolved, variableName, type TemplateReplacer } from '../query/interpolate.ts';
import type { S360Query } from '../types.ts';
import { NOTICES } from './labels.ts';

export type RequestLookup =
  | { kind: 'ask'; reference: string; language: Language; path: string; params: URLSearchParams }
  | { kind: 'notice'; language: Language; text: string };

/** Trimmed; a reference typed in lower case (`s360-…`) gets the prefix the aggregator expects. */
export function normaliseReference(text: string): string {
  const trimmed = text.trim();
  return /^s360-/i.test(trimmed) ? `S360-${trimmed.slice(5)}` : trimmed;
}

export function requestLookup(
  query: Pick<S360Query, 'reference' | 'language'>,
  scopedVars: ScopedVars | undefined,
  tpl: TemplateReplacer,
  defaultLanguage: Language
): RequestLookup {
  const languageText = interpolateScalar(query.language, scopedVars, tpl);
  const language = isLanguage(languageText) ? languageText : defaultLanguage;
  const raw = interpolateScalar(query.reference?.trim(), scopedVars, tpl) ?? '';
  const reference = normaliseReference(raw);
  if (!reference) {
    return { kind: 'notice', language, text: NOTICES.noReference[language] };
  }
  if (isUnresolved(reference)) {
    const name = variableName(reference) ?? reference;
    return {
      kind: 'notice',
      language,
      text: NOTICES.unresolved[language].replace('{ref}', reference).replace('{name}', name),
    };
  }
  return {
    kind: 'ask',
    reference,
    language,
    path: `/v1/requests/${encodeURIComponent(reference)}`,
    params: new URLSearchParams({ language }),
  };
}
