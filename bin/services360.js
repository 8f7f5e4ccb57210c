#!/usr/bin/env node
// The services360 command: registers the TypeScript loader, then runs backend/cli.ts.
//
// The bulk loaders (BULK_COMMANDS) build millions of short-lived strings; with V8's default young generation a
// third of their time was garbage collection. They run in a child Node with a larger one (YOUNG_GENERATION; the
// 3-month demo's requests: 15.0 → 12.2 s), which V8 only takes at start-up: the child gets the same arguments,
// stdio and environment, the signals this process receives, and its exit status is this one's.
import { spawn } from 'node:child_process';

const BULK_COMMANDS = new Set(['generate-demo', 'import-requests']);
const YOUNG_GENERATION = '--max-semi-space-size=64';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const command = process.argv[2];
const sized = process.execArgv.some((a) => a.startsWith('--max-semi-space-size'));
if (BULK_COMMANDS.has(command) && !sized) {
  const child = spawn(process.execPath, [YOUNG_GENERATION, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  for (const signal of SIGNALS) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (err) => {
    console.error(`services360: could not start ${command}: ${err.message}`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      for (const s of SIGNALS) {
        process.removeAllListeners(s);
      }
      process.kill(process.pid, signal);
    } else {
      process.exitCode = code ?? 1;
    }
  });
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../backend/cli.ts');
  process.exitCode = await main(process.argv.slice(2));
}
