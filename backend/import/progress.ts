// Progress of a long import: a bar when stderr is a terminal, else a line every N rows.
import cliProgress from 'cli-progress';

export interface ImportProgress {
  start(totalBytes: number): void;
  update(bytes: number, rows: number): void;
  stop(): void;
}

const mb = (b: number) => (b / 1_048_576).toFixed(1);

export function progressFor(stream: NodeJS.WriteStream, everyRows: number): ImportProgress {
  return stream.isTTY ? new BarProgress(stream) : new LineProgress(stream, everyRows);
}

class BarProgress implements ImportProgress {
  private bar: cliProgress.SingleBar;
  private started = 0;
  constructor(stream: NodeJS.WriteStream) {
    this.bar = new cliProgress.SingleBar(
      {
        stream,
        format:
          'importing [{bar}] {percentage}% | {mb} MB of {total_mb} MB | {rows} rows | {rate} rows/s | ETA {eta_formatted}',
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic
    );
  }
  start(totalBytes: number) {
    this.started = Date.now();
    this.bar.start(Math.max(totalBytes, 1), 0, { rows: 0, rate: 0, mb: '0.0', total_mb: mb(totalBytes) });
  }
  update(bytes: number, rows: number) {
    const s = (Date.now() - this.started) / 1000;
    this.bar.update(bytes, { rows, rate: s > 0 ? Math.round(rows / s) : 0, mb: mb(bytes) });
  }
  stop() {
    this.bar.stop();
  }
}

class LineProgress implements ImportProgress {
  private total = 0;
  private next: number;
  private started = 0;
  constructor(
    private stream: NodeJS.WriteStream,
    private everyRows: number
  ) {
    this.next = everyRows;
  }
  start(totalBytes: number) {
    this.total = totalBytes;
    this.started = Date.now();
  }
  update(bytes: number, rows: number) {
    if (this.everyRows <= 0 || rows < this.next) {
      return;
    }
    while (this.next <= rows) {
      this.next += this.everyRows;
    }
    const s = (Date.now() - this.started) / 1000;
    this.stream.write(
      `imported ${rows} rows (${mb(bytes)} of ${mb(this.total)} MB, ${Math.round(rows / Math.max(s, 0.001))} rows/s)\n`
    );
  }
  stop() {}
}
