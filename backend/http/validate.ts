// Turns a zod failure into `[{path, message}]` details with readable paths (e.g. `requests[3].location.lon`).
import { z } from 'zod';
import { ValidationError, type ErrorDetail } from './errors.ts';

export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const p of path) {
    if (typeof p === 'number') {
      out += `[${p}]`;
    } else {
      out += out ? `.${String(p)}` : String(p);
    }
  }
  return out || 'body';
}

export function zodDetails(error: z.ZodError, prefix = ''): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        details.push({ path: formatPath([...issue.path, key], prefix), message: 'unknown field' });
      }
    } else if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
      // zod 4 leaves the input out of its issues: a missing field says "received undefined".
      details.push({ path: formatPath(issue.path, prefix), message: 'required' });
    } else {
      details.push({ path: formatPath(issue.path, prefix), message: issue.message });
    }
  }
  return details;
}

/** Parses input with schema or throws a 400 ValidationError listing every problem. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix = '',
  what = 'the request body is invalid'
): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ValidationError(what, zodDetails(result.error, prefix));
  }
  return result.data;
}
