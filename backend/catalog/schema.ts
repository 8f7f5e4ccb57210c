// The shape of the catalogue document (GET /v1/catalog), as a zod schema: the OpenAPI document's schema is made from
// it, and the unit tests parse a built document with it, so the published shape is the served one.
import { z } from 'zod';
import { DIMENSIONS } from '../rollups/cubes.ts';
import { METRIC_NAMES, type MetricName } from '../query/metrics.ts';
import { FORMATS } from './metric-support.ts';

const dimension = z.enum(DIMENSIONS);
const named = { name_en: z.string(), name_ar: z.string() };

export const catalogMetricSchema = z
  .object({
    code: z.enum(METRIC_NAMES as [MetricName, ...MetricName[]]).describe('the `metric` of a POST /v1/query target'),
    ...named,
    description_en: z.string(),
    description_ar: z.string(),
    unit: z.string().describe('Grafana unit id of the values'),
    decimals: z.number().int().optional(),
    formats: z.array(z.enum(FORMATS)).describe('the `format`s it answers; a table-only metric lists only `table`'),
    group_by: z.array(dimension).describe('the dimensions it may be grouped by (none: it is one ranked table)'),
    filters: z.array(dimension).describe('the dimensions it may be filtered by'),
    options: z.array(z.enum(['top_n'])).describe('further target fields it reads (`top_n`: `topN`)'),
  })
  .strict();

export const catalogDimensionSchema = z.object({ code: dimension, ...named }).strict();

export const catalogValueSchema = z
  .object({
    code: z.string().describe('the code a filter or a variable takes'),
    ...named,
    retired: z
      .literal(true)
      .optional()
      .describe('retired by the city configuration: kept for history, hidden in editors'),
    digital: z
      .boolean()
      .optional()
      .describe(
        'channel values only: the city file marks the channel digital (the digital_share metric counts its requests)'
      ),
  })
  .strict();

export const catalogSchema = z
  .object({
    version: z.string().describe('changes whenever anything in the document changes (it is also the ETag)'),
    time_zone: z.string().describe("the city's IANA time zone"),
    languages: z.array(z.string()).describe("the city's languages (English and Arabic always; names here are in both)"),
    metrics: z.array(catalogMetricSchema),
    dimensions: z.array(catalogDimensionSchema),
    values: z
      .record(dimension, z.array(catalogValueSchema))
      .describe('per dimension, the codes filters accept, with their names'),
  })
  .strict();

export type CatalogMetric = z.infer<typeof catalogMetricSchema>;
export type CatalogDimension = z.infer<typeof catalogDimensionSchema>;
export type CatalogValue = z.infer<typeof catalogValueSchema>;
export type CatalogDocument = z.infer<typeof catalogSchema>;
