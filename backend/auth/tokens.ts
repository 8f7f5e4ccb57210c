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
  const scopes = [...new Set(list.split(',').map((s) => s.trim()).filter(Boolean))];
  if (!scopes.length) throw new TokenInputError('at least one scope is required (ingest, read, pii)');
  const bad = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (bad.length) throw new TokenInputError(`unknown scope(s): ${bad.join(', ')}; valid: ${SCOPES.join(', ')}`);
  return scopes as Scope[];
}

/** Creates a token and returns it in clear text: the only time it is ever visible. */
export async function createToken(pool: pg.Pool, name: string, scopes: Scope[]): Promise<{ id: number; token: string }> {
  if (!/^[\w.@ -]{1,100}$/.test(name)) throw new TokenInputError('the name must be 1–100 letters, digits, spaces or ._@-');
  const token = `s360_${randomBytes(32).toString('base64url')}`;
  try {
    const { rows } = await pool.query<{ id: number }>(sql('tokens/create'), [name, hashToken(token), scopes]);
    return { id: rows[0].id, token };
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw new TokenInputError(`a token named "${name}" already exists`);
    throw err;
  }
}

export async function revokeToken(pool: pg.Pool, name: string): Promise<boolean> {
  const { rowCount } = await pool.query(sql('tokens/revoke'), [name]);
  return (rowCount ?? 0) > 0;
}

/** Looks a token up by hash, with a short cache so a busy ingest path costs no extra round trip. */
export class TokenVerifier {
  private cache = new Map<string, { identity: TokenIdentity | null; until: number }>();
  constructor(private pool: pg.Pool, private cacheMs: number) {}

  async verify(token: string): Promise<TokenIdentity | null> {
    const key = hashToken(token);
    const cacheKey = key.toString('base64');
    const hit = this.cache.get(cacheKey);
    const now = Date.now();
    if (hit && hit.until > now) return hit.identity;
    const { rows } = await this.pool.query<TokenIdentity>(sql('tokens/verify'), [key]);
    const identity = rows[0] ?? null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(cacheKey, { identity, until: now + this.cacheMs });
    return identity;
  }
}
