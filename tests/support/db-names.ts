// Names and URLs of the test databases (all on the server S360_ADMIN_URL points at).
// One run's databases share a run id, so runs side by side (or a developer's beside CI) never meet.
// Lower-cased first: two ids that differ only in case (h8L, h8B) must not become one name.
const RUN = (process.env.S360_TEST_RUN ?? 'local').toLowerCase().replace(/[^a-z0-9]/g, '');
export const TEMPLATE_DB = `s360_tpl_${RUN}`;
export const TEST_DB_PREFIX = `s360_t_${RUN}_`;
/** A LIKE pattern for this run's test databases alone (`_` is LIKE's any-character, so it is escaped: run h8's
 *  pattern must not match run h8x's databases). */
export const TEST_DB_LIKE = `${TEST_DB_PREFIX.replace(/_/g, '\\_')}%`;

export function adminUrl(): string {
  const url = process.env.S360_ADMIN_URL ?? process.env.DATABASE_URL;
  if (!url) {
    throw new Error('integration tests need S360_ADMIN_URL or DATABASE_URL (run them with `npm test`)');
  }
  return url;
}

export function urlFor(database: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${database}`;
  return u.toString();
}
