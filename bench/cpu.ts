// CPU time spent by processes (Linux /proc/<pid>/stat: utime + stime), to report what each operation
// costs in CPU as well as how fast it went. On a shared machine the wall-clock rates move with the
// other work; the CPU cost per operation hardly does, and bounds what an idle machine would reach.
import { readFileSync } from 'node:fs';
import pg from 'pg';

const TICKS_PER_SECOND = 100;

/** CPU seconds a process has used so far, or null when it is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * Adds up the CPU used by a changing set of processes between start() and stop(): processes present
 * at the start count from then, later ones from their beginning; it polls so that processes ending
 * before stop() still count (up to the last poll).
 */
export class CpuMeter {
  private first = new Map<number, number>();
  private last = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> = Promise.resolve();

  constructor(
    private readonly pids: () => Promise<number[]>,
    private readonly everyMs = 250
  ) {}

  async start(): Promise<void> {
    for (const pid of await this.pids()) {
      const v = cpuSeconds(pid);
      if (v !== null) {
        this.first.set(pid, v);
        this.last.set(pid, v);
      }
    }
    this.timer = setInterval(() => {
      this.polling = this.poll();
    }, this.everyMs);
  }

  private async poll(): Promise<void> {
    for (const pid of await this.pids()) {
      const v = cpuSeconds(pid);
      if (v === null) {
        continue;
      }
      if (!this.first.has(pid)) {
        this.first.set(pid, 0);
      }
      this.last.set(pid, v);
    }
  }

  /** CPU seconds used by the processes since start(). */
  async stop(): Promise<number> {
    if (this.timer) {
      clearInterval(this.timer);
    }
    await this.polling;
    await this.poll();
    let total = 0;
    for (const [pid, v] of this.last) {
      total += v - (this.first.get(pid) ?? 0);
    }
    return total;
  }
}

/** The CPU a phase cost, by who spent it. */
export type PhaseCpu = { node: number; postgres: number | null };

/**
 * Meters the CPU of this process (process.cpuUsage: the importer, the job runner, the pg client) and of the database's
 * server processes (its backends as pg_stat_activity lists them, autovacuum included, polled as CpuMeter does) for
 * one phase at a time. The server's share is measured only where its processes are on this machine (a backend pid
 * read in /proc is a postgres process); elsewhere it is null.
 */
export class PhaseCpuMeter {
  private constructor(
    private readonly poller: pg.Client,
    private readonly backends: (() => Promise<number[]>) | null
  ) {}

  static async open(dbUrl: string): Promise<PhaseCpuMeter> {
    const poller = new pg.Client({ connectionString: dbUrl });
    poller.on('error', () => {});
    await poller.connect();
    const {
      rows: [me],
    } = await poller.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const local = /postgres/.test(commandLine(me.pid));
    // A poll that fails counts no server process that time, rather than failing the phase it meters.
    const backends = async () =>
      poller
        .query<{ pid: number }>(
          'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()'
        )
        .then(
          (r) => r.rows.map((row) => row.pid),
          () => []
        );
    return new PhaseCpuMeter(poller, local ? backends : null);
  }

  /** Starts metering; the returned function ends it and answers the CPU seconds spent since. */
  async begin(): Promise<() => Promise<PhaseCpu>> {
    const server = this.backends ? new CpuMeter(this.backends) : null;
    await server?.start();
    const c0 = process.cpuUsage();
    return async () => {
      const c = process.cpuUsage(c0);
      return { node: (c.user + c.system) / 1e6, postgres: server ? await server.stop() : null };
    };
  }

  async close(): Promise<void> {
    await this.poller.end().catch(() => {});
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}
