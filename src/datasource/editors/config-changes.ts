// What each control of the config editor does to the datasource settings. Pure; the token only ever goes into
// secureJsonData (Grafana encrypts it and never sends it back: secureJsonFields.apiToken says it is set).
import type { DataSourceSettings } from '@grafana/data';
import type { Language } from '../vocabulary.ts';
import type { S360Options, S360SecureJsonData } from '../types.ts';

export type Settings = DataSourceSettings<S360Options, S360SecureJsonData>;

export function withUrl(options: Settings, url: string): Settings {
  return { ...options, jsonData: { ...options.jsonData, url: url.trim() } };
}

export function withToken(options: Settings, apiToken: string): Settings {
  return { ...options, secureJsonData: { ...options.secureJsonData, apiToken } };
}

/** "Reset": forget the stored token; the next save clears it. */
export function resetToken(options: Settings): Settings {
  return {
    ...options,
    secureJsonFields: { ...options.secureJsonFields, apiToken: false },
    secureJsonData: { ...options.secureJsonData, apiToken: '' },
  };
}

export function withDefaultLanguage(options: Settings, defaultLanguage: Language): Settings {
  return { ...options, jsonData: { ...options.jsonData, defaultLanguage } };
}

/** A plain sentence when the URL cannot work, else undefined. */
export function urlProblem(url: string | undefined): string | undefined {
  if (!url) {
    return 'Required: where the aggregator listens, e.g. http://localhost:8080';
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Not a URL: write it with its scheme, e.g. http://localhost:8080';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return 'Use an http:// or https:// URL';
  }
  if (parsed.search || parsed.hash) {
    return "Give the aggregator's base URL only: the data source adds /v1/...";
  }
  return undefined;
}
