// Fake people who file requests: Arabic speakers named in Arabic script, English speakers with Arab or
// expatriate names, UAE mobile numbers (+971 5X XXX XXXX), some with an e-mail at a reserved example
// domain and some with an Emirates ID-shaped number (784-YYYY-NNNNNNN-C, Luhn check digit). None is real.
import type { Prng, Weighted } from './prng.ts';
import { EXPAT_FAMILY_NAMES, EXPAT_FIRST_NAMES, FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES } from './names.ts';

export type Language = 'ar' | 'en';
export type FakeCustomer = {
  name: string;
  phone: string;
  email: string | null;
  nationalId: string | null;
  language: Language;
  homeZoneId: number | null;
  createdAt: number;
};

export const CUSTOMER_ODDS = { arabic: 0.55, expat: 0.5, email: 0.45, nationalId: 0.35 } as const;
const MOBILE_PREFIXES = ['50', '52', '54', '55', '56', '58'];
const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'];

const digits = (prng: Prng, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) {
    s += String(prng.int(0, 9));
  }
  return s;
};

/** Luhn check digit of a string of digits. */
export function luhnDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) {
        d -= 9;
      }
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function fakeCustomer(prng: Prng, homeZones: Weighted<number>, createdAt: number): FakeCustomer {
  const language: Language = prng.chance(CUSTOMER_ODDS.arabic) ? 'ar' : 'en';
  const female = prng.chance(0.5);
  let name: string;
  let latin: string;
  if (language === 'en' && prng.chance(CUSTOMER_ODDS.expat)) {
    latin = name = `${prng.pick(EXPAT_FIRST_NAMES)} ${prng.pick(EXPAT_FAMILY_NAMES)}`;
  } else {
    const [firstEn, firstAr] = prng.pick(female ? FEMALE_NAMES : MALE_NAMES);
    const [familyEn, familyAr] = prng.pick(FAMILY_NAMES);
    latin = `${firstEn} ${familyEn}`;
    name = language === 'ar' ? `${firstAr} ${familyAr}` : latin;
  }
  const phone = `+971 ${prng.pick(MOBILE_PREFIXES)} ${digits(prng, 3)} ${digits(prng, 4)}`;
  const email = prng.chance(CUSTOMER_ODDS.email)
    ? `${latin
        .toLowerCase()
        .replace(/[^a-z ]/g, '')
        .trim()
        .replace(/\s+/g, '.')}${prng.int(1, 99)}@${prng.pick(EMAIL_DOMAINS)}`
    : null;
  let nationalId: string | null = null;
  if (prng.chance(CUSTOMER_ODDS.nationalId)) {
    const body = `784${prng.int(1950, 2006)}${digits(prng, 7)}`;
    nationalId = `${body.slice(0, 3)}-${body.slice(3, 7)}-${body.slice(7)}-${luhnDigit(body)}`;
  }
  return { name, phone, email, nationalId, language, homeZoneId: homeZones.pick(prng), createdAt };
}
