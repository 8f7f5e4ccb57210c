// The languages a dashboard is provisioned in. Each builder in dashboards/ takes one and reads every text a person
// sees from its catalogue in texts/ (the English and the Arabic declared side by side, once): the English
// dashboards keep their uids and folder, each Arabic copy has the uid with `-ar`, its own folder and tag, the
// `language` variable at `ar`, and links to the other Arabic copies.
export const LANGUAGES = ['en', 'ar'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** A catalogue of texts: the same keys in every language (a missing or extra Arabic key does not compile). */
export type Catalogue<K extends string> = Record<Lang, Record<K, string>>;

/** Where a language's dashboards go: provisioning/dashboards/<dir>, Grafana's folder, the tag their links list. */
export interface Edition {
  dir: string;
  folder: string;
  tag: string;
  uidSuffix: string;
}

export const EDITIONS: Record<Lang, Edition> = {
  en: { dir: 'services360', folder: 'Services 360', tag: 'services360', uidSuffix: '' },
  ar: { dir: 'services360-ar', folder: 'خدمات 360', tag: 'services360-ar', uidSuffix: '-ar' },
};

/** A dashboard's uid in a language: s360-zones, s360-zones-ar. */
export const uidIn = (uid: string, lang: Lang): string => `${uid}${EDITIONS[lang].uidSuffix}`;

/** A catalogue text with its `{{name}}` slots filled. */
export const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
