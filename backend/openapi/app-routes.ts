// Every route an Express app serves, found by walking its router stack (sub-routers included, with their
// mount paths), each with a matcher that uses Express's own layer matchers, so "does this URL reach that
// route" is answered the way Express answers it. Used by the tests that keep the OpenAPI document and
// the injection sweep in step with the app.
import type { Express } from 'express';

export type AppRoute = {
  method: string;
  /** the registered pattern with its mount path, e.g. /open311/v2/requests/:id */
  path: string;
  /** true when Express would dispatch `url` (a path, no query) to this route */
  matches: (url: string) => boolean;
};

type Match = false | { path: string; params: Record<string, unknown> };
type Layer = {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
  rawPath?: string | string[];
  slash?: boolean;
  matchers: Array<(path: string) => Match>;
};

function walk(stack: Layer[], prefix: string, outer: (url: string) => string | null, out: AppRoute[]): void {
  for (const layer of stack) {
    const route = layer.route;
    if (route) {
      const paths = Array.isArray(route.path) ? route.path : [route.path];
      const methods = Object.keys(route.methods).filter((m) => route.methods[m] && m !== '_all');
      paths.forEach((p, i) => {
        const matcher = layer.matchers[i] ?? layer.matchers[0];
        for (const m of methods) {
          out.push({
            method: m.toUpperCase(),
            path: `${prefix}${p}`,
            matches: (url) => {
              const rest = outer(url);
              return rest !== null && matcher(rest) !== false;
            },
          });
        }
      });
    } else if (Array.isArray(layer.handle?.stack)) {
      // A mounted router: its routes see the URL with the mount path removed.
      const mount = typeof layer.rawPath === 'string' && !layer.slash && layer.rawPath !== '/' ? layer.rawPath : '';
      const inner = (url: string) => {
        const rest = outer(url);
        if (rest === null) {
          return null;
        }
        if (!mount) {
          return rest;
        }
        const m = layer.matchers[0](rest);
        if (!m) {
          return null;
        }
        return rest.slice(m.path.length) || '/';
      };
      walk(layer.handle.stack, `${prefix}${mount}`, inner, out);
    }
  }
}

export function listAppRoutes(app: Express): AppRoute[] {
  const out: AppRoute[] = [];
  // Express 5 types the router's layers without their matchers: each is read through the Layer shape above.
  const stack: unknown = app.router.stack;
  walk(stack as Layer[], '', (url) => url, out);
  return out;
}

/** Express `:name` → OpenAPI `{name}` (for messages and as a first guess at the documented path). */
export function toOpenApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}
