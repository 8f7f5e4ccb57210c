// Test support: lets Node load the real @grafana/data, @grafana/runtime and @grafana/ui (and render their React
// components) without a browser. Call `await grafanaInNode()` first, then import the code under test with a
// dynamic `await import(...)`:
//  - a DOM (happy-dom) on globalThis, as @grafana/ui and react-dom expect;
//  - a canvas 2d context that measures text (happy-dom has none);
//  - icons (SVG fetched by @grafana/ui) answered with an empty SVG;
//  - `.css` files required by @grafana/ui load as nothing;
//  - @grafana/* resolve to their CommonJS builds: the ESM build of @grafana/data imports a named export from
//    moment-timezone that Node's ESM loader cannot see. A module hook can only affect imports that happen after
//    it is registered, hence the dynamic imports.
import Module, { register } from 'node:module';
import { GlobalRegistrator } from '@happy-dom/global-registrator';

const HOOK = `
export async function resolve(specifier, context, next) {
  if (/^@grafana\\/(data|ui|runtime|schema|i18n|e2e-selectors)(\\/|$)/.test(specifier)) {
    return next(specifier, { ...context, conditions: ['require', 'node', 'default'] });
  }
  return next(specifier, context);
}`;

let ready = false;

export async function grafanaInNode(): Promise<void> {
  if (ready) {
    return;
  }
  ready = true;
  if (!GlobalRegistrator.isRegistered) {
    GlobalRegistrator.register({ url: 'http://localhost:3000/', width: 1280, height: 800 });
  }
  const g = globalThis as Record<string, unknown>;
  // What Grafana's index.html gives its frontend before any plugin loads.
  g.grafanaBootData = {
    settings: { datasources: {}, panels: {}, buildInfo: { version: '13.2.3' } },
    user: {},
    navTree: [],
  };
  // happy-dom has no canvas; @grafana/ui measures text widths (Combobox menus) with a 2d context.
  const canvas = (globalThis as unknown as { HTMLCanvasElement: { prototype: Record<string, unknown> } })
    .HTMLCanvasElement.prototype;
  canvas.getContext = function getContext(kind: string) {
    if (kind !== '2d') {
      return null;
    }
    return {
      font: '',
      measureText: (text: string) => ({
        width: text.length * 7,
        actualBoundingBoxAscent: 10,
        actualBoundingBoxDescent: 3,
      }),
    };
  };
  // Icons are SVG files Grafana serves from public/build/img/icons; here every icon is an empty SVG.
  const realFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (/\.svg(\?|$)/.test(url)) {
      return new Response('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"></svg>', {
        headers: { 'Content-Type': 'image/svg+xml' },
      });
    }
    return realFetch(input, init);
  }) as typeof fetch;
  (Module as unknown as { _extensions: Record<string, (m: unknown) => void> })._extensions['.css'] = () => {};
  register(`data:text/javascript,${encodeURIComponent(HOOK)}`, import.meta.url);
}
