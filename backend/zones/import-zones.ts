// Imports zones from a GeoJSON FeatureCollection: ST_MakeValid, reprojection to 4326 (and 3857),
// upsert by code, all in one transaction. Reports each feature skipped and why. A feature without an Arabic
// name takes its English one there (reported, so the city can add the Arabic names and import again).
import type pg from 'pg';
import { inTransaction } from '../db/transaction.ts';
import { sql } from '../db/sql.ts';

export type ZoneKind = 'community' | 'public_site';
export type ZoneImportOptions = {
  codeProperty: string;
  nameEnProperty: string;
  nameArProperty: string;
  kind: ZoneKind;
  /** property holding the kind per feature (overrides `kind` where present) */
  kindProperty?: string;
  parentProperty?: string;
  /** SRID of the coordinates; read from a legacy `crs` member when present, else 4326 */
  srid?: number;
  subdivideVertices: number;
};
export type ZoneImportReport = {
  inserted: number;
  updated: number;
  /** features kept after ST_MakeValid changed their invalid geometry */
  repaired: Array<{ index: number; code: string }>;
  skipped: Array<{ index: number; code: string | null; reason: string }>;
  /** features imported without an Arabic name: their English name stands in for it */
  arabicFromEnglish: Array<{ index: number; code: string }>;
  /** ids of the zones inserted or updated, in file order */
  zoneIds: number[];
};

export class ZoneImportError extends Error {}

type Feature = { type?: string; properties?: Record<string, unknown> | null; geometry?: { type?: string } | null };

function sridOf(collection: { crs?: { properties?: { name?: string } } }): number | undefined {
  const name = collection.crs?.properties?.name;
  const m = name ? /EPSG:{1,2}(\d+)$/i.exec(name) : null;
  if (m) {
    return Number(m[1]);
  }
  if (name && /CRS84$/i.test(name)) {
    return 4326;
  }
  return undefined;
}

export async function importZones(
  pool: pg.Pool,
  geojson: unknown,
  options: ZoneImportOptions
): Promise<ZoneImportReport> {
  const fc = geojson as { type?: string; features?: Feature[]; crs?: { properties?: { name?: string } } };
  const features = fc?.features;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(features)) {
    throw new ZoneImportError('the file is not a GeoJSON FeatureCollection');
  }
  const srid = options.srid ?? sridOf(fc) ?? 4326;
  const report: ZoneImportReport = {
    inserted: 0,
    updated: 0,
    repaired: [],
    skipped: [],
    arabicFromEnglish: [],
    zoneIds: [],
  };
  const seen = new Set<string>();
  await inTransaction(pool, async (client) => {
    for (const [index, f] of features.entries()) {
      const props = f.properties ?? {};
      const str = (key?: string) => {
        const v = key ? props[key] : undefined;
        return v === undefined || v === null || String(v).trim() === '' ? null : String(v).trim();
      };
      const code = str(options.codeProperty);
      const skip = (reason: string) => report.skipped.push({ index, code, reason });
      if (!code) {
        skip(`no "${options.codeProperty}" property`);
        continue;
      }
      if (seen.has(code)) {
        skip(`duplicate code "${code}" in the file`);
        continue;
      }
      const nameEn = str(options.nameEnProperty);
      if (!nameEn) {
        skip(`no "${options.nameEnProperty}" property`);
        continue;
      }
      const givenAr = str(options.nameArProperty);
      const nameAr = givenAr ?? nameEn;
      const kind = (str(options.kindProperty) ?? options.kind) as ZoneKind;
      if (kind !== 'community' && kind !== 'public_site') {
        skip(`kind "${kind}" is not community or public_site`);
        continue;
      }
      const gtype = f.geometry?.type;
      if (gtype !== 'Polygon' && gtype !== 'MultiPolygon') {
        skip(gtype ? `geometry is a ${gtype}, not a polygon` : 'no geometry');
        continue;
      }
      let rows: Array<{ id: number; inserted: boolean; repaired: boolean }>;
      try {
        await client.query('SAVEPOINT zone');
        ({ rows } = await client.query(sql('zones/upsert_zone'), [
          code,
          nameEn,
          nameAr,
          kind,
          JSON.stringify(f.geometry),
          srid,
          str(options.parentProperty),
        ]));
        await client.query('RELEASE SAVEPOINT zone');
      } catch (err) {
        await client.query('ROLLBACK TO SAVEPOINT zone');
        skip(`geometry could not be read: ${(err as Error).message.split('\n')[0]}`);
        continue;
      }
      if (!rows.length) {
        skip('geometry holds no valid polygon after ST_MakeValid');
        continue;
      }
      seen.add(code);
      if (givenAr === null) {
        report.arabicFromEnglish.push({ index, code });
      }
      report.zoneIds.push(rows[0].id);
      if (rows[0].repaired) {
        report.repaired.push({ index, code });
      }
      if (rows[0].inserted) {
        report.inserted++;
      } else {
        report.updated++;
      }
    }
    if (report.zoneIds.length) {
      await client.query(sql('zones/refresh_parts'), [report.zoneIds, options.subdivideVertices]);
    }
  });
  return report;
}
