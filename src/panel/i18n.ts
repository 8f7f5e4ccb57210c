// Every string the panel draws, in English or Arabic. The catalogues (locales/) are in i18next's format and are
// registered with Grafana's @grafana/i18n (initPluginTranslations, module.ts) for the user's Grafana language;
// the panel itself speaks the dashboard's language (its `language` option, usually `$language`), which Grafana's
// user locale does not follow (and Grafana has no Arabic UI), so `translator(lang)` resolves keys here: plural
// forms by Intl.PluralRules of the language (Arabic: zero, one, two, few, many, other), numbers in its locale.
import { ar } from './locales/ar.ts';
import { en, type MessageKey } from './locales/en.ts';

export type PanelLanguage = 'en' | 'ar';
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const CATALOGUES: Record<PanelLanguage, Record<string, string | undefined>> = { en, ar };
/** Locales for numbers and plural rules: Arabic with Latin digits, as the city's screens and data use them. */
export const LOCALES: Record<PanelLanguage, string> = { en: 'en-US', ar: 'ar-AE-u-nu-latn' };

/** "ar", "ar-AE", "العربية"… → ar; anything else → en. */
export function panelLanguage(value: unknown): PanelLanguage {
  const v = String(value ?? '')
    .trim()
    .toLowerCase();
  return v.startsWith('ar') || v === 'العربية' ? 'ar' : 'en';
}

export function translator(lang: PanelLanguage): Translate {
  const catalogue = CATALOGUES[lang];
  const rules = new Intl.PluralRules(LOCALES[lang]);
  const numbers = new Intl.NumberFormat(LOCALES[lang]);
  return (key, values = {}) => {
    let text: string | undefined;
    if (typeof values.count === 'number') {
      text =
        catalogue[`${key}_${rules.select(values.count)}`] ??
        catalogue[`${key}_other`] ??
        (en as Record<string, string>)[`${key}_other`];
    }
    text ??= catalogue[key] ?? (en as Record<string, string>)[key] ?? key;
    return text.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => {
      const v = values[name];
      return v === undefined ? '' : typeof v === 'number' ? numbers.format(v) : v;
    });
  };
}

/** For @grafana/i18n's initPluginTranslations: the catalogue of Grafana's user language (Arabic or English). */
export const loadResources = async (language: string) => CATALOGUES[panelLanguage(language)];
