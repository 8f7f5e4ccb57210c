// jest globalTeardown of the integration and browser projects: drops the template and every database a test
// file created (a second call finds nothing left to drop).
import { dropRunDatabases } from '../support/prepare-template.ts';

export default async function dropDatabases(): Promise<void> {
  if (process.env.S360_ADMIN_URL) {
    await dropRunDatabases();
  }
}
