// A test that runs only where this machine can run it (a PostgreSQL cluster of its own, Docker, root on Debian…).
// Elsewhere jest lists it as skipped, and the reason is printed with its name: jest's test.skip takes no reason, where
// node:test printed `# SKIP reason`.
import { test } from '@jest/globals';

type TestFn = Parameters<typeof test.skip>[1];

/** `test` when `reason` is empty; otherwise a `test.skip` that prints why. */
export function testUnless(reason: string | null | false | undefined) {
  return (name: string, fn: TestFn, timeout?: number): void => {
    if (!reason) {
      test(name, fn, timeout);
      return;
    }
    console.info(`skipped "${name}": ${reason}`);
    test.skip(name, fn, timeout);
  };
}
