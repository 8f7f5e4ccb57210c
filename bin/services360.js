#!/usr/bin/env node
// The services360 command: registers the TypeScript loader, then runs backend/cli.ts.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../backend/cli.ts');
process.exitCode = await main(process.argv.slice(2));
