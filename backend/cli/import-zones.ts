import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { databaseUrl, loadConfig } from '../config.ts';
import { createPool } from '../db/pool.ts';
import { importZones, type ZoneKind } from '../zones/import-zones.ts';

const HELP = `usage: services360 import-zones FILE.geojson [options]
  --code PROP       property holding the zone code        (default: code)
  --name-en PROP    property holding the English name     (default: name_en)
  --name-ar PROP    property holding the Arabic name      (default: name_ar; a feature without one
                    takes its English name, and the import says which)
  --kind KIND       community | public_site               (default: community)
  --kind-prop PROP  property holding the kind per feature (optional)
  --parent PROP     property holding the parent zone code (optional)
  --srid N          SRID of the coordinates (default: the file's crs, else 4326)
Exit status: 0 zones imported, 3 none imported (every feature skipped), 2 bad usage, 1 failure.
e.g. services360 import-zones dubai_communities.geojson --code COMM_NUM --name-en CNAME_E --name-ar CNAME_A`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      code: { type: 'string', default: 'code' },
      'name-en': { type: 'string', default: 'name_en' },
      'name-ar': { type: 'string', default: 'name_ar' },
      kind: { type: 'string', default: 'community' },
      'kind-prop': { type: 'string' },
      parent: { type: 'string' },
      srid: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.error(HELP);
    return values.help ? 0 : 2;
  }
  if (values.kind !== 'community' && values.kind !== 'public_site') {
    console.error('--kind must be community or public_site');
    return 2;
  }
  const srid = values.srid === undefined ? undefined : Number(values.srid);
  if (srid !== undefined && !(Number.isInteger(srid) && srid > 0)) {
    console.error('--srid must be a positive whole number, e.g. 4326');
    return 2;
  }
  const config = loadConfig();
  const geojson = JSON.parse(readFileSync(positionals[0], 'utf8'));
  // A batch load, not an API call: no per-statement limit (a loaded 2-core machine once took over 30 s to prepare the zones).
  const pool = createPool(databaseUrl(), { ...config, statementTimeoutMs: 0 });
  try {
    const report = await importZones(pool, geojson, {
      codeProperty: values.code,
      nameEnProperty: values['name-en'],
      nameArProperty: values['name-ar'],
      kind: values.kind as ZoneKind,
      kindProperty: values['kind-prop'],
      parentProperty: values.parent,
      srid,
      subdivideVertices: config.zoneSubdivideVertices,
    });
    console.log(
      `zones: ${report.inserted} inserted, ${report.updated} updated, ${report.skipped.length} skipped (${report.repaired.length} repaired by ST_MakeValid)`
    );
    for (const r of report.repaired) {
      console.log(`  repaired feature #${r.index} (${r.code}): its geometry was not valid`);
    }
    for (const s of report.skipped) {
      console.log(`  skipped feature #${s.index}${s.code ? ` (${s.code})` : ''}: ${s.reason}`);
    }
    const noArabic = report.arabicFromEnglish;
    if (noArabic.length) {
      console.log(
        `${noArabic.length} zone(s) without an Arabic name ("${values['name-ar']}"): the English name ` +
          `stands in for it until a file with Arabic names is imported`
      );
      for (const z of noArabic.slice(0, 20)) {
        console.log(`  feature #${z.index} (${z.code})`);
      }
      if (noArabic.length > 20) {
        console.log(`  … and ${noArabic.length - 20} more`);
      }
    }
    if (report.inserted + report.updated === 0) {
      console.error('no zone imported: every feature was skipped (see above)');
      return 3;
    }
    return 0;
  } finally {
    await pool.end();
  }
}
