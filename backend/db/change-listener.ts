// One dedicated connection per aggregator instance that LISTENs for changes every instance must learn of at
// once (migration 0032: tokens created or revoked, reference data changed). It reconnects by itself after
// an outage; on every (re)connect the `connected` handlers run, because notifications sent while it was
// away are lost: the caches built on it are dropped then. While it is not connected, `connected` is false
// and those caches are not trusted (they read the database instead).
import pg from 'pg';
import { sql } from './sql.ts';

export type ChangeChannel = 's360_tokens' | 's360_reference';
export type ChangeListenerOptions = { url: string; connectTimeoutMs: number; retryMs: number };

export class ChangeListener {
  connected = false;
  private client: pg.Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private readonly handlers = new Map<ChangeChannel, Set<(payload: string) => void>>();
  private readonly onConnect = new Set<() => void>();

  constructor(private readonly options: ChangeListenerOptions) {}

  /** Calls fn with each notification's payload on the channel. */
  on(channel: ChangeChannel, fn: (payload: string) => void): void {
    let handlers = this.handlers.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.handlers.set(channel, handlers);
    }
    handlers.add(fn);
  }

  /** Calls fn after every (re)connect: whatever was notified meanwhile was missed. */
  onConnected(fn: () => void): void {
    this.onConnect.add(fn);
  }

  /** Connects (resolves after the first attempt, connected or not; it keeps retrying meanwhile). */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const c = this.client;
    this.client = null;
    this.connected = false;
    await c?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    if (this.stopped) {
      return;
    }
    const client = new pg.Client({
      connectionString: this.options.url,
      connectionTimeoutMillis: this.options.connectTimeoutMs,
      application_name: 'services360-listener',
      keepAlive: true,
    });
    // A broken connection (restart, stop) is an event here, never an unhandled 'error'.
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', (n) => {
      for (const fn of this.handlers.get(n.channel as ChangeChannel) ?? []) {
        fn(n.payload ?? '');
      }
    });
    try {
      await client.connect();
      await client.query(sql('notify/listen'));
    } catch {
      await client.end().catch(() => {});
      this.lost(client);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.connected = true;
    for (const fn of this.onConnect) {
      fn();
    }
  }

  private lost(client: pg.Client): void {
    if (this.client && this.client !== client) {
      return;
    } // an earlier connection, already replaced
    if (this.client === client) {
      this.client = null;
    }
    this.connected = false;
    if (this.stopped || this.retry) {
      return;
    }
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, this.options.retryMs);
  }
}
