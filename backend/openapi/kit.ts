// Small builders for the OpenAPI document: references, JSON bodies and responses, the error responses,
// and JSON Schemas taken from the zod validators (so the document says what the code checks).
import { z } from 'zod';

export type Json = Record<string, unknown>;
export type PathItem = Json;
export type Paths = Record<string, PathItem>;

export const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
export const param = (name: string): Json => ({ $ref: `#/components/parameters/${name}` });
export const response = (name: string): Json => ({ $ref: `#/components/responses/${name}` });

/** Nullable in JSON Schema 2020-12 (OpenAPI 3.1): a schema or null. */
export const nullable = (schema: Json): Json => ({ anyOf: [schema, { type: 'null' }] });

export const str = (description?: string, extra: Json = {}): Json => ({
  type: 'string',
  ...(description ? { description } : {}),
  ...extra,
});
export const num = (description?: string, extra: Json = {}): Json => ({
  type: 'number',
  ...(description ? { description } : {}),
  ...extra,
});
export const int = (description?: string, extra: Json = {}): Json => ({
  type: 'integer',
  ...(description ? { description } : {}),
  ...extra,
});

/** An object schema; every property listed in `required` (default: all of them). */
export function obj(
  properties: Record<string, Json>,
  required: string[] = Object.keys(properties),
  extra: Json = {}
): Json {
  return { type: 'object', properties, required, ...extra };
}

export function jsonBody(schema: Json, example?: unknown, description?: string): Json {
  return {
    required: true,
    ...(description ? { description } : {}),
    content: { 'application/json': { schema, ...(example !== undefined ? { example } : {}) } },
  };
}

export function json(description: string, schema: Json, extra: Json = {}): Json {
  return { description, content: { 'application/json': { schema } }, ...extra };
}

/** The API's error responses by status (components/responses), for an operation's `responses`. */
export function errors(...statuses: Array<400 | 401 | 403 | 404 | 409 | 413 | 415 | 503>): Record<string, Json> {
  const name: Record<number, string> = {
    400: 'BadRequest',
    401: 'Unauthenticated',
    403: 'Forbidden',
    404: 'NotFound',
    409: 'Conflict',
    413: 'TooLarge',
    415: 'UnsupportedEncoding',
    503: 'DatabaseUnavailable',
  };
  return Object.fromEntries(statuses.map((s) => [String(s), response(name[s])]));
}

/** The input side of a zod schema as JSON Schema 2020-12 (refinements are not representable; see descriptions). */
export function fromZod(schema: z.ZodType): Json {
  const out = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  delete out.$schema;
  return out;
}

/** A query parameter listing codes: comma-separated or repeated; "all", "$__all" or empty mean no filter. */
export function codeListParam(name: string, description: string, example?: string): Json {
  return {
    name,
    in: 'query',
    required: false,
    description,
    schema: { type: 'array', items: { type: 'string', maxLength: 200 } },
    style: 'form',
    explode: false,
    ...(example ? { example } : {}),
  };
}
