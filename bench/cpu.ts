// CPU time spent by processes (Linux /proc/<pid>/stat: utime + stime), to report what each operation
// costs in CPU as well as how fast it went. On a shared machine the wall-clock rates move with the
// other work; the CPU cost per operation hardly does, and bounds what an idle machine would reach.
import { readFileSync } from 'node:fs';

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
