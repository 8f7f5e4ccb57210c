// jest globalSetup of the integration and browser projects: the template database every test file that needs
// PostgreSQL clones, prepared once per run (both projects name this file; the second call finds it done).
// Without S360_ADMIN_URL nothing is prepared (the tests then say what they need).
import { ensureTestRunId } from './test-run-id.ts';

export default async function prepareDatabases(): Promise<void> {
  const run = ensureTestRunId();
  if (!process.env.S360_ADMIN_URL || process.env.S360_TEMPLATE_PREPARED === run) {
    return;
  }
  // Imported only now: db-names.ts reads the run id when it loads, and jest started without scripts/jest.js (which
  // sets it) gets its id from ensureTestRunId above.
  const { prepareTemplate } = await import('../support/prepare-template.ts');
  await prepareTemplate();
  process.env.S360_TEMPLATE_PREPARED = run;
}
