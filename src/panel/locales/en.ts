// The panel's English catalogue (i18next format: `key_one`, `key_other`… plural forms, `{{name}}` values).
export const en = {
  'zonemap.no-data': 'No data',
  'zonemap.loading-zones': 'Loading zones…',
  'zonemap.whole-city': 'Whole city',
  'zonemap.close': 'Close',
  'zonemap.population': 'Population',
  'zonemap.unknown': 'unknown',
  'zonemap.requests_one': '{{count}} request',
  'zonemap.requests_other': '{{count}} requests',
  'zonemap.request': 'Request',
  'zonemap.mostly': 'Mostly',
  'zonemap.each-request': 'Each request',
  'zonemap.shorter-range': 'shown for a shorter time range',
  'zonemap.under-pointer': 'Under the pointer',
  'zonemap.hotspot': 'Hot spot: {{topic}}',
  'zonemap.recurring-topic': 'recurring topic',
  'zonemap.reports': 'Reports',
  'zonemap.zone': 'Zone',
  'zonemap.between': 'Between',
  'zonemap.between-dates': '{{from}} and {{to}}',
  'zonemap.self-filter': 'This map\'s own query filters on ${{variable}}, the variable its click sets: remove that filter so the map keeps the whole city',
} as const;

export type MessageKey = keyof typeof en extends infer K ? (K extends `${infer B}_${'one' | 'other'}` ? B : K) : never;
