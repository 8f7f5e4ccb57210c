// The fixed words of the datasource: formats, the label languages the aggregator answers in, the "all" value, and the
// shape of dimension codes. The metrics, dimensions and their values come from the aggregator's catalogue
// (catalog/: GET /v1/catalog, a compiled copy only when it cannot be reached).

/** A dimension's code (`zone`, `topic`, …): the catalogue says which exist; the aggregator checks. */
export type Dimension = string;

export const FORMATS = [
  { value: 'time_series', label: 'Time series' },
  { value: 'table', label: 'Table' },
] as const;

export type QueryFormat = (typeof FORMATS)[number]['value'];

/** The languages of labels the aggregator answers in (its `language` parameter). */
export const LANGUAGES = [
  { value: 'en', label: 'English' },
  { value: 'ar', label: 'العربية' },
] as const;

export type Language = (typeof LANGUAGES)[number]['value'];

export const isLanguage = (v: unknown): v is Language => v === 'en' || v === 'ar';
export const isFormat = (v: unknown): v is QueryFormat => v === 'time_series' || v === 'table';

/** Filter values that mean "every value" to the aggregator. */
export const ALL_VALUE = 'all';
