// API tokens: random, shown once, stored only as a sha256 hash. Scopes: ingest, read, pii.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { sql } from '../db/sql.ts';

export const SCOPES = ['ingest', 'read', 'pii'] as const;
export type Scope = (typeof SCOPES)[number];
export type TokenIdentity = { id: number; name: string; scopes: Scope[] };

export class TokenInputError extends Error {}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function parseScopes(list: string): Scope[] {
  const scopes = [
    ...new Set(
      list
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    ),
  ];
  if (!scopes.length) {
    throw new TokenInputError('at least one scope is required (ingest, read, pii)');
  }
  const bad = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (bad.length) {
    throw new TokenInputError(`unknown scope(s): ${bad.join(', ')}; valid: ${SCOPES.join(', ')}`);
  }
  return scopes as Scope[];
}

/** Creates a token and returns it in clear text: the only time it is ever visible. */
export async function createToken(
  pool: pg.Pool,
  name: string,
  scopes: Scope[]
): Promise<{ id: number; token: string }> {
  if (!/^[\w.@ -]{1,100}$/.test(name)) {
    throw new TokenInputError('the name must be 1–100 letters, digits, spaces or ._@-');
  }
  const token = `s360_${randomBytes(32).toString('base64url')}`;
  try {
    const { rows } = await pool.query<{ id: number }>(sql('tokens/create'), [name, hashToken(token), scopes]);
    return { id: rows[0].id, token };
  } catch (err) {
    if ((err as { code?: string }).code === '23505') {
      throw new TokenInputError(`a token named "${name}" already exists`);
    }
    throw err;
  }
}

export async function revokeToken(pool: pg.Pool, name: string): Promise<boolean> {
  const { rowCount } = await pool.query(sql('tokens/revoke'), [name]);
  return (rowCount ?? 0) > 0;
}

export type TokenCacheLimits = {
  /** how long a known token is trusted at most */
  cacheMs: number;
  /** how long an unknown token is remembered as unknown */
  negativeCacheMs: number;
  /** most entries of each cache (the oldest go first) */
  size: number;
};

/** A bounded map whose oldest entries go first, each entry with its own expiry. */
class ExpiringCache<V> {
  private readonly map = new Map<string, { value: V; until: number }>();
  constructor(
    private readonly ttlMs: number,
    private readonly size: number
  ) {}
  get(key: string, now: number): { value: V } | undefined {
    const hit = this.map.get(key);
    if (!hit) {
      return undefined;
    }
    if (hit.until > now) {
      return hit;
    }
    this.map.delete(key);
    return undefined;
  }
  set(key: string, value: V, now: number): void {
    if (this.ttlMs <= 0 || this.size <= 0) {
      return;
    }
    this.map.delete(key);
    for (const oldest of this.map.keys()) {
      if (this.map.size < this.size) {
        break;
      }
      this.map.delete(oldest);
    }
    this.map.set(key, { value, until: now + this.ttlMs });
  }
  delete(key: string): void {
    this.map.delete(key);
  }
  clear(): void {
    this.map.clear();
  }
  get count(): number {
    return this.map.size;
  }
}

/** What the verifier needs of the change listener (backend/db/change-listener.ts). */
export type TokenChanges = {
  readonly connected: boolean;
  on: (channel: 's360_tokens', fn: (payload: string) => void) => void;
  onConnected: (fn: () => void) => void;
};

/**
 * Looks a token up by hash, with caches so a busy ingest path costs no extra round trip: known tokens for
 * up to cacheMs, unknown ones (a client retrying a wrong token) for negativeCacheMs, each bounded in size.
 * With a change listener, a token created or revoked anywhere is dropped from both caches the moment its
 * NOTIFY arrives, everything is dropped when the listener reconnects (it may have missed some), and the
 * caches are not read while it is disconnected.
 */
export class TokenVerifier {
  private readonly known: ExpiringCache<TokenIdentity>;
  private readonly unknown: ExpiringCache<true>;
  /** database look-ups made (for tests and metrics) */
  lookups = 0;
  /** bumped by every forget: a look-up that raced a revocation is not cached */
  private epoch = 0;

  constructor(
    private readonly pool: Pick<pg.Pool, 'query'>,
    limits: TokenCacheLimits,
    private readonly changes?: TokenChanges
  ) {
    this.known = new ExpiringCache(limits.cacheMs, limits.size);
    this.unknown = new ExpiringCache(limits.negativeCacheMs, limits.size);
    changes?.on('s360_tokens', (payload) => this.forget(payload));
    changes?.onConnected(() => this.forgetAll());
  }

  async verify(token: string): Promise<TokenIdentity | null> {
    const key = hashToken(token);
    const cacheKey = key.toString('base64');
    const now = Date.now();
    if (!this.changes || this.changes.connected) {
      const hit = this.known.get(cacheKey, now);
      if (hit) {
        return hit.value;
      }
      if (this.unknown.get(cacheKey, now)) {
        return null;
      }
    }
    this.lookups++;
    const epoch = this.epoch;
    const { rows } = await this.pool.query<TokenIdentity>(sql('tokens/verify'), [key]);
    const identity = rows[0] ?? null;
    if (epoch === this.epoch) {
      if (identity) {
        this.known.set(cacheKey, identity, now);
      } else {
        this.unknown.set(cacheKey, true, now);
      }
    }
    return identity;
  }

  /** Drops one token (its sha256 hash, base64) from both caches; an empty payload drops everything. */
  forget(hashBase64: string): void {
    if (!hashBase64) {
      this.forgetAll();
      return;
    }
    this.epoch++;
    this.known.delete(hashBase64);
    this.unknown.delete(hashBase64);
  }

  forgetAll(): void {
    this.epoch++;
    this.known.clear();
    this.unknown.clear();
  }
}
