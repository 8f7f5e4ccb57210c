// Grafana's hooks on SystemJS (public/app/features/plugins/loader/systemjsHooks.ts and plugin_loader.ts):
// plugin JS is fetched and evaluated; AMD sources run against SystemJS's define; extension-less ids get `.js`;
// `import` unwraps `__useDefault`; CSS modules become adopted style sheets; module.js carries a cache param.

export const SHARED_DEPENDENCY_PREFIX = 'package';
const JS_CONTENT_TYPE_REGEX = /^(text|application)\/(x-)?javascript(;|$)/;
const AMD_MODULE_REGEX = /(^|[\s;(])define\(\s*(\[|function|\(|['"])/;
const LOAD_PLUGIN_CSS_REGEX = /^plugins.+\.css$/i;

type Hookable = {
  shouldFetch: (url: string) => boolean;
  fetch: (url: string, options?: RequestInit) => Promise<Response>;
  resolve: (id: string, parentUrl?: string) => string;
  import: (id: string, parentUrl?: string) => Promise<any>;
  onload: (err: unknown, id: string, deps?: string[], isErrSource?: boolean) => void;
  get: (id: string) => any;
};

/** Plugin versions by module path, for the `_cache` query parameter Grafana appends to module.js. */
const moduleVersions = new Map<string, string>();
export function registerPluginVersion(modulePath: string, version: string) {
  moduleVersions.set(new URL(modulePath, document.baseURI).href, version);
}

export function installLoaderHooks(system: typeof System) {
  const proto = Object.getPrototypeOf(system) as Hookable;

  proto.shouldFetch = () => true;

  const originalImport = proto.import;
  proto.import = function (...args) {
    return originalImport
      .apply(this, args)
      .then((module: any) => (module && module.__useDefault ? module.default : module));
  };

  const originalFetch = proto.fetch;
  proto.fetch = async function (url, options) {
    const res = await originalFetch.call(this, url, options);
    const contentType = res.headers.get('content-type') || '';
    if (!JS_CONTENT_TYPE_REGEX.test(contentType)) {
      return res;
    }
    let source = await res.text();
    if (AMD_MODULE_REGEX.test(source)) {
      source = `(function(define) {\n  ${source}\n})(window.__grafana_amd_define);`;
    }
    return new Response(new Blob([source], { type: 'text/javascript' }));
  };

  const originalResolve = proto.resolve;
  proto.resolve = function (id, parentUrl) {
    try {
      const url = originalResolve.call(this, id, parentUrl);
      const cleaned = backwardsCompatibleUrl(url);
      const version = moduleVersions.get(cleaned);
      return id.endsWith('module.js') && version ? `${cleaned}?_cache=${encodeURIComponent(version)}` : cleaned;
    } catch (err) {
      if (LOAD_PLUGIN_CSS_REGEX.test(id)) {
        return `/public/${id}`;
      }
      console.log(`SystemJS: failed to resolve '${id}'`);
      return id;
    }
  };

  proto.onload = function (err, id) {
    if (id.endsWith('.css') && !err) {
      const styles = this.get(id)?.default;
      if (styles) {
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, styles];
      }
    }
  };
}

function backwardsCompatibleUrl(url: string): string {
  if (url.startsWith(`${SHARED_DEPENDENCY_PREFIX}:`)) {
    return url;
  }
  if (url.endsWith('!')) {
    url = url.slice(0, -1);
  }
  const hasExtension = ['css', 'js', 'json', 'wasm'].some((ext) => url.endsWith(ext));
  return hasExtension ? url : `${url}.js`;
}
