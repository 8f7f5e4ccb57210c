import { databaseUrl, loadConfig } from '../config.ts';
import { createPool } from '../db/pool.ts';
import { migrate } from '../db/migrate.ts';

export async function run(_argv: string[]): Promise<number> {
  const pool = createPool(databaseUrl(), loadConfig());
  try {
    const result = await migrate(pool, (line) => console.log(line));
    console.log(
      result.applied.length ? `migrated to version ${result.current}` : `already at version ${result.current}`
    );
    return 0;
  } finally {
    await pool.end();
  }
}
