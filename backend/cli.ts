// `services360 <command>`: each command lives in backend/cli/<command>.ts and exports run(argv).
const COMMANDS: Record<string, { load: () => Promise<{ run: (argv: string[]) => Promise<number> }>; help: string }> = {
  serve: { load: () => import('./cli/serve.ts'), help: 'start the aggregator (PORT, DATABASE_URL)' },
  migrate: { load: () => import('./cli/migrate.ts'), help: 'apply pending migrations (idempotent)' },
  'create-token': {
    load: () => import('./cli/create-token.ts'),
    help: '--name N --scopes ingest,read,pii: print a new token once',
  },
  'revoke-token': { load: () => import('./cli/revoke-token.ts'), help: '--name N: revoke a token' },
  'import-zones': {
    load: () => import('./cli/import-zones.ts'),
    help: 'FILE.geojson [--code P --name-en P --name-ar P --kind K]',
  },
  'import-population': {
    load: () => import('./cli/import-population.ts'),
    help: 'FILE.csv (zone code, population, year)',
  },
  'import-requests': {
    load: () => import('./cli/import-requests.ts'),
    help: 'FILE.csv [--mapping NAME|FILE] [--rejects FILE]',
  },
  'grant-alerting-login': {
    load: () => import('./cli/grant-alerting-login.ts'),
    help:
      '--user NAME [--strip]: a login that reads the alerting views only (password from ' +
      'S360_ALERTING_PASSWORD); an existing role it did not make is refused unless --strip',
  },
  'run-jobs': {
    load: () => import('./cli/run-jobs.ts'),
    help: '[--jobs sla-sweep,rollups,recurrence]: run jobs once now, to completion',
  },
  trickle: {
    load: () => import('./cli/trickle.ts'),
    help: '--token T [--rate 1]: post live requests and journey steps to a running aggregator',
  },
  config: {
    load: () => import('./cli/config.ts'),
    help: 'apply FILE [--dry-run] | export [FILE]: the city configuration as a file (config/city.schema.json)',
  },
  holidays: {
    load: () => import('./cli/holidays.ts'),
    help: 'import FILE.ics (--calendar CODE | --all-calendars) [--dry-run]: holidays from an iCalendar file',
  },
  'find-request': {
    load: () => import('./cli/find-request.ts'),
    help: "--source S --external-id X [--pii]: a request by the source system's own id",
  },
  'sla-history': {
    load: () => import('./cli/sla-history.ts'),
    help: "[--batch N] [--writers N]: the SLA sweep's first pass over a history, in large batches (after a history import)",
  },
  'rollup-history': {
    load: () => import('./cli/rollup-history.ts'),
    help: '[--batch N]: build the rollups of every pending request in bulk (after a history import)',
  },
  forecast: {
    load: () => import('./cli/forecast.ts'),
    help: 'run | backtest [--weeks N]: fit the forecasts now, or evaluate them against seasonal-naive',
  },
  'generate-demo': {
    load: () => import('./cli/generate-demo.ts'),
    help: '--months N --seed S [--zones FILE] [--requests N]',
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'usage: services360 <command> [options]',
    '',
    ...Object.entries(COMMANDS).map(([c, d]) => `  ${c.padEnd(width)}  ${d.help}`),
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await (await command.load()).run(rest);
  } catch (err) {
    // Plain message for the operator; the stack only when asked for.
    console.error(`services360 ${name}: ${(err as Error).message}`);
    if (process.env.S360_DEBUG) {
      console.error(err);
    }
    return 1;
  }
}
