// Which database the integration tests run against, chosen by the test runner:
// TEST_DATABASE=pglite (default) or TEST_DATABASE=postgres with TEST_DATABASE_URL pointing
// at a server where the tests may create databases (scripts/test.ts starts one).
export type TestDatabaseKind = 'pglite' | 'postgres';

export function testDatabaseKind(): TestDatabaseKind {
  return process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';
}

export function testDatabaseAdminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error('TEST_DATABASE=postgres needs TEST_DATABASE_URL (npm test starts a server and sets it)');
  return url;
}

export const TEMPLATE_DATABASE = 'terbuka_test_template';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
