// The zones GeoJSON per (zoom level, language, kind): rendered by PostgreSQL in one query, kept in
// memory with its gzip and a strong ETag, rebuilt when the zones change (count or latest updated_at).
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type pg from 'pg';
import { sql } from '../db/sql.ts';
import type { Language } from './read-params.ts';
import { coordinateDecimals, simplifyTolerance, zoomBucket } from './zoom.ts';

export type ZoneKindFilter = 'community' | 'public_site' | 'all';
export type ZonesGeojsonKey = { zoom: number; language: Language; kind: ZoneKindFilter };
export type ZonesGeojsonSettings = { zonesSimplifyPixels: number; zonesFullDetailZoom: number };

export type ZonesGeojson = {
  bucket: number;
  version: string;
  body: Buffer; // identity
  gzip: Buffer;
  etag: string; // of the identity bytes; the gzip representation carries the same tag with "-gz"
  features: number;
  points: number;
};

export class ZonesGeojsonCache {
  private entries = new Map<string, ZonesGeojson>();
  private building = new Map<string, Promise<ZonesGeojson>>();
  /** `read`: runs a read on one database (the read router: a replica or the primary). */
  constructor(
    private read: <T>(fn: (pool: pg.Pool) => Promise<T>) => Promise<T>,
    private settings: ZonesGeojsonSettings
  ) {}

  /**
   * The current document for key: from memory when the zones have not changed since it was built. The version
   * and the build are read on the same database, so a document is never filed under a newer version than its own.
   */
  get(key: ZonesGeojsonKey): Promise<ZonesGeojson> {
    return this.read((pool) => this.getOn(pool, key));
  }

  private async getOn(pool: pg.Pool, key: ZonesGeojsonKey): Promise<ZonesGeojson> {
    const bucket = zoomBucket(key.zoom, this.settings.zonesFullDetailZoom);
    const id = `${bucket}|${key.language}|${key.kind}`;
    const { rows } = await pool.query<{ n: number; latest: string }>(sql('geo/zones_version'));
    const version = `${rows[0].n}.${rows[0].latest}`;
    const cached = this.entries.get(id);
    if (cached && cached.version === version) {
      return cached;
    }
    const pendingId = `${id}|${version}`;
    let pending = this.building.get(pendingId);
    if (!pending) {
      pending = this.build(pool, bucket, key, version).finally(() => this.building.delete(pendingId));
      this.building.set(pendingId, pending);
    }
    const built = await pending;
    this.entries.set(id, built);
    return built;
  }

  private async build(pool: pg.Pool, bucket: number, key: ZonesGeojsonKey, version: string): Promise<ZonesGeojson> {
    const { zonesSimplifyPixels: px, zonesFullDetailZoom: full } = this.settings;
    const { rows } = await pool.query<{ body: string; features: number; points: number }>(sql('geo/zones_geojson'), [
      simplifyTolerance(bucket, px, full),
      coordinateDecimals(bucket, full),
      key.language,
      key.kind === 'all' ? null : key.kind,
    ]);
    const body = Buffer.from(rows[0].body, 'utf8');
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
    return {
      bucket,
      version,
      body,
      gzip: gzipSync(body, { level: 9 }),
      etag: `"z${bucket}-${hash}"`,
      features: rows[0].features,
      points: rows[0].points,
    };
  }
}

/** The gzip representation's strong ETag (a different representation needs a different strong tag). */
export const gzipEtag = (etag: string) => `${etag.slice(0, -1)}-gz"`;

/** True when If-None-Match names this document (either representation) or is "*". */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) {
    return false;
  }
  if (header.trim() === '*') {
    return true;
  }
  const tags = header.split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.includes(etag) || tags.includes(gzipEtag(etag));
}

/** True when Accept-Encoding allows gzip (q > 0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) {
    return false;
  }
  for (const part of header.split(',')) {
    const [coding, ...params] = part
      .trim()
      .toLowerCase()
      .split(';')
      .map((s) => s.trim());
    if (coding !== 'gzip' && coding !== '*') {
      continue;
    }
    const q = params.find((p) => p.startsWith('q='));
    if (!q || Number(q.slice(2)) > 0) {
      return true;
    }
  }
  return false;
}
