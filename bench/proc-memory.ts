// Peak memory of a process from /proc/<pid>/status (Linux): VmHWM is the peak resident set size.
import { readFileSync } from 'node:fs';

/** Peak resident memory of pid in MB, or null when it cannot be read (gone, not Linux). */
export function peakMemoryMb(pid: number): number | null {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Polls a process's peak memory until stopped (the last reading before it exits). */
export function watchPeakMemory(pid: number, everyMs = 100): { stop: () => number | null } {
  let peak: number | null = null;
  const read = () => {
    const v = peakMemoryMb(pid);
    if (v !== null) {
      peak = Math.max(peak ?? 0, v);
    }
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    stop: () => {
      read();
      clearInterval(timer);
      return peak;
    },
  };
}
