// jest globalSetup of the integration and browser projects: the template database every test file that needs
// PostgreSQL clones, prepared once per run (both projects name this file; the second call finds it done). The run
// id that names it (S360_TEST_RUN) is set by scripts/jest.js before jest starts, so the workers share it.
// Without S360_ADMIN_URL nothing is prepared (the tests then say what they need).
import { prepareTemplate } from '../support/prepare-template.ts';

export default async function prepareDatabases(): Promise<void> {
  const run = process.env.S360_TEST_RUN;
  if (!run) {
    throw new Error('S360_TEST_RUN is not set: start jest with `node scripts/jest.js` (npm test, npm run jest)');
  }
  if (!process.env.S360_ADMIN_URL || process.env.S360_TEMPLATE_PREPARED === run) {
    return;
  }
  await prepareTemplate();
  process.env.S360_TEMPLATE_PREPARED = run;
}
