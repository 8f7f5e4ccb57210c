// The language of names and notes in Open311 answers: `?lang=en|ar` (English by default).
import type { Named } from '../domain/reference.ts';

export type Lang = 'en' | 'ar';
export const LANGS: readonly Lang[] = ['en', 'ar'];

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** The item's name in `lang`. */
export function itemName(item: Named, lang: Lang): string {
  return lang === 'ar' ? item.name_ar : item.name_en;
}

/** itemName, or null without an item. */
export function nameIn(item: Named | undefined | null, lang: Lang): string | null {
  return item ? itemName(item, lang) : null;
}
