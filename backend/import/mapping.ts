// How a CSV file's columns become request fields: a mapping (shipped by name, or a JSON file) plus
// `--map column=field` and `--set field=value` flags, compiled against the file's header.
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { compileValues, type ValueMap } from './value-map.ts';

/** The fields an import row can fill. */
export const IMPORT_FIELDS = [
  'source',
  'external_id',
  'channel',
  'category',
  'topic',
  'priority',
  'description',
  'address',
  'lon',
  'lat',
  'zone',
  'created_at',
  'status',
  'first_response_at',
  'resolved_at',
  'closed_at',
  'cancelled_at',
  'customer_name',
  'customer_phone',
  'customer_email',
  'customer_national_id',
  'customer_language',
  'satisfaction',
  'department',
  'due_at',
  'first_response_clock',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Without a column or a default, the row cannot be a request. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['source', 'external_id', 'channel', 'category', 'created_at'];

export const MAPPINGS_DIR = join(fileURLToPath(import.meta.url), '../mappings');

const fieldName = z.enum(IMPORT_FIELDS);
const columnSpec = z.union([
  z.string().min(1),
  z.strictObject({ column: z.string().min(1), when_status: z.array(z.string()).min(1).optional() }),
]);

export const mappingSchema = z.strictObject({
  description: z.string().optional(),
  /** field → the column that holds it (optionally read only for rows in some statuses) */
  columns: z.partialRecord(fieldName, columnSpec).default({}),
  /** field → value used where the file has no such column or the cell is empty; `{file}` = the file's name */
  defaults: z.partialRecord(fieldName, z.string()).default({}),
  /** field → { value in the file: our value, or null for none; "*": what any other value becomes } */
  values: z.partialRecord(fieldName, z.record(z.string(), z.string().nullable())).default({}),
});
export type Mapping = z.infer<typeof mappingSchema>;

export class MappingError extends Error {}

export function shippedMappings(): string[] {
  return ['services360', 'open311-bulk'];
}

/** A shipped mapping by name, or a JSON file by path. */
export function loadMapping(nameOrFile: string): Mapping {
  const shipped = join(MAPPINGS_DIR, `${nameOrFile}.json`);
  const file = /^[a-z0-9-]+$/.test(nameOrFile) && existsSync(shipped) ? shipped : nameOrFile;
  if (!existsSync(file)) {
    throw new MappingError(`no mapping "${nameOrFile}": give ${shippedMappings().join(' or ')}, or a JSON file`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new MappingError(`mapping ${file} is not JSON: ${(err as Error).message}`);
  }
  const parsed = mappingSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    throw new MappingError(`mapping ${file} is invalid: ${first}`);
  }
  return parsed.data;
}

const asField = (name: string, flag: string): ImportField => {
  if (!(IMPORT_FIELDS as readonly string[]).includes(name)) {
    throw new MappingError(`${flag}: unknown field "${name}"; valid: ${IMPORT_FIELDS.join(', ')}`);
  }
  return name as ImportField;
};

/** Applies `--map column=field` and `--set field=value` flags on top of a mapping. */
export function withFlags(base: Mapping, maps: string[] = [], sets: string[] = []): Mapping {
  const out: Mapping = {
    ...base,
    columns: { ...base.columns },
    defaults: { ...base.defaults },
    values: { ...base.values },
  };
  for (const m of maps) {
    const at = m.lastIndexOf('=');
    if (at <= 0 || at === m.length - 1) {
      throw new MappingError(`--map "${m}": expected column=field`);
    }
    out.columns[asField(m.slice(at + 1).trim(), '--map')] = m.slice(0, at).trim();
  }
  for (const s of sets) {
    const at = s.indexOf('=');
    if (at <= 0) {
      throw new MappingError(`--set "${s}": expected field=value`);
    }
    out.defaults[asField(s.slice(0, at).trim(), '--set')] = s.slice(at + 1);
  }
  return out;
}

/** A source name from a file name: `history 2025.csv` → `history-2025`. */
export function sourceFromFileName(file: string): string {
  const stem = basename(file, extname(file))
    .replace(/[^A-Za-z0-9._:-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return (stem || 'import').slice(0, 100);
}

/** Where a field's value comes from in this file. */
export type FieldSource = {
  field: ImportField;
  /** index of the column in the header, or -1 when only the default applies */
  index: number;
  /** what a problem with this field is called: the column's name, or the field's for a default */
  label: string;
  whenStatus: ReadonlySet<string> | null;
  fallback: string | undefined;
  /** the file's value → ours (null: none); null when the mapping translates nothing for this field */
  values: ValueMap | null;
};

export type CompiledMapping = {
  header: string[];
  fields: Partial<Record<ImportField, FieldSource>>;
  /** columns of the file no field reads */
  ignored: string[];
  /** columns the mapping names that the file lacks (their fields stay empty or take the default) */
  missing: string[];
};

/** Resolves a mapping against a header (column names match exactly, else ignoring case and spaces). */
export function compileMapping(mapping: Mapping, header: string[], file: string): CompiledMapping {
  const exact = new Map<string, number>();
  const loose = new Map<string, number>();
  header.forEach((h, i) => {
    if (!exact.has(h)) {
      exact.set(h, i);
    }
    const k = h.trim().toLowerCase();
    if (!loose.has(k)) {
      loose.set(k, i);
    }
  });
  const find = (column: string) => exact.get(column) ?? loose.get(column.trim().toLowerCase()) ?? -1;
  const fields: CompiledMapping['fields'] = {};
  const used = new Set<number>();
  const missing: string[] = [];
  for (const field of IMPORT_FIELDS) {
    const spec = mapping.columns[field];
    const column = spec === undefined ? undefined : typeof spec === 'string' ? spec : spec.column;
    const index = column === undefined ? -1 : find(column);
    if (column !== undefined && index < 0) {
      missing.push(column);
    }
    if (index >= 0) {
      used.add(index);
    }
    let fallback = mapping.defaults[field];
    if (fallback !== undefined) {
      fallback = fallback.replaceAll('{file}', sourceFromFileName(file));
    }
    if (index < 0 && fallback === undefined) {
      continue;
    }
    fields[field] = {
      field,
      index,
      label: index >= 0 ? header[index] : field,
      whenStatus: typeof spec === 'object' && spec.when_status ? new Set(spec.when_status) : null,
      fallback,
      values: mapping.values[field] ? compileValues(mapping.values[field]) : null,
    };
  }
  const absent = REQUIRED_FIELDS.filter((f) => !fields[f]);
  if (absent.length) {
    const wanted = absent.map((f) => {
      const spec = mapping.columns[f];
      const column = spec === undefined ? null : typeof spec === 'string' ? spec : spec.column;
      return column ? `${f} (column "${column}")` : f;
    });
    throw new MappingError(
      `the file has no column for ${wanted.join(', ')}; map one with --map column=field or give a value ` +
        `with --set field=value (columns in the file: ${header.join(', ')})`
    );
  }
  if (fields.lon && fields.lon.index >= 0 && !(fields.lat && fields.lat.index >= 0)) {
    throw new MappingError('lon is mapped but lat is not');
  }
  if (fields.lat && fields.lat.index >= 0 && !(fields.lon && fields.lon.index >= 0)) {
    throw new MappingError('lat is mapped but lon is not');
  }
  return { header, fields, ignored: header.filter((_, i) => !used.has(i)), missing: [...new Set(missing)] };
}
