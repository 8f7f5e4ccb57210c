// Names and URLs of the test databases (all on the server S360_ADMIN_URL points at).
export const TEMPLATE_DB = 's360_test_template';
export const TEST_DB_PREFIX = 's360_test_';

export function adminUrl(): string {
  const url = process.env.S360_ADMIN_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('integration tests need S360_ADMIN_URL or DATABASE_URL (run them with `npm test`)');
  return url;
}

export function urlFor(database: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${database}`;
  return u.toString();
}
