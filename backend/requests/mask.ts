// Masking of a customer's personal data for tokens without the `pii` scope. Each function keeps just
// enough to recognise a record on the telephone ("F. A.", "+971 ** *** **67", "f***@d***.ae",
// "***-1234") and nothing that identifies the person. Pure.

/** "Fatima Al Mansoori" → "F. A. M." (the first letter of each word, at most four). */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  return words
    .slice(0, 4)
    .map((w) => `${[...w][0].toLocaleUpperCase()}.`)
    .join(' ');
}

/**
 * Every digit starred but the last two; separators kept. An international number keeps its country code
 * when a separator follows it ("+971 50 123 4567" → "+971 ** *** **67").
 */
export function maskPhone(phone: string): string {
  const text = phone.trim();
  const cc = /^\+\d{1,4}(?=[\s().-])/.exec(text);
  const head = cc ? cc[0] : '';
  const rest = text.slice(head.length);
  const digits = rest.replace(/\D/g, '').length;
  let seen = 0;
  const masked = rest.replace(/\d/g, (d) => (++seen > digits - 2 ? d : '*'));
  return head + masked;
}

/** "fatima@dubai.gov.ae" → "f***@d***.ae": first letters of the mailbox and the domain, and the top-level domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) {
    return '***';
  }
  const local = [...email.slice(0, at)];
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const tld = dot > 0 ? domain.slice(dot) : '';
  const first = [...domain][0] ?? '';
  return `${local[0]}***@${first}***${tld}`;
}

/** "784-1985-1234567-1" → "***-5671": the last four letters or digits (fewer than eight in all: "***"). */
export function maskNationalId(id: string): string {
  const chars = id.replace(/[^\p{L}\p{N}]/gu, '');
  return chars.length < 8 ? '***' : `***-${chars.slice(-4)}`;
}

export type CustomerFields = {
  name: string | null;
  phone: string | null;
  email: string | null;
  national_id: string | null;
};

export function maskCustomer<T extends CustomerFields>(c: T): T {
  return {
    ...c,
    name: c.name === null ? null : maskName(c.name),
    phone: c.phone === null ? null : maskPhone(c.phone),
    email: c.email === null ? null : maskEmail(c.email),
    national_id: c.national_id === null ? null : maskNationalId(c.national_id),
  };
}
