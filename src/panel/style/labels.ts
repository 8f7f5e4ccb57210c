// Zone label text. Arabic is wrapped in a right-to-left isolate (U+2067 … U+2069) so the canvas lays it out
// right to left whatever surrounds it, and it is drawn at a point as one string (never split along a line),
// so its letters stay joined. Pure.

export type LabelLanguage = 'en' | 'ar' | 'both';

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const RLI = '\u2067',
  PDI = '\u2069';

export const hasArabic = (s: string) => ARABIC.test(s);

/** Arabic text isolated as right-to-left; other text unchanged. */
export const isolateRtl = (s: string) => (s && hasArabic(s) ? `${RLI}${s}${PDI}` : s);

/** One or more lines: the zone name in the chosen language(s) and, when given, its value. Both names: the panel's
 *  language (`lead`) on top, so in Arabic the Arabic name leads. */
export function zoneLabel(
  names: { nameEn: string; nameAr: string },
  language: LabelLanguage,
  valueText = '',
  lead: 'en' | 'ar' = 'en'
): string {
  const lines: string[] = [];
  const en = names.nameEn.trim(),
    ar = names.nameAr.trim();
  if (language === 'en' || language === 'both' || !ar) {
    lines.push(en);
  }
  if ((language === 'ar' || language === 'both') && ar) {
    lines.push(isolateRtl(ar));
  }
  if (lead === 'ar' && lines.length === 2) {
    lines.reverse();
  }
  if (valueText) {
    lines.push(valueText);
  }
  return [...new Set(lines.filter(Boolean))].join('\n');
}

/** Fonts with Latin and Arabic glyphs (Noto is what a Debian wall screen has; the rest are fallbacks). */
export const LABEL_FONT_FAMILY =
  '"Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "Segoe UI", Tahoma, Arial, sans-serif';
export const labelFont = (px: number, weight = 600) => `${weight} ${Math.round(px)}px ${LABEL_FONT_FAMILY}`;
