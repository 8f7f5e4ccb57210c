// SystemJS 6.15 with the AMD and named-register extras, as Grafana's frontend loads it
// (public/app/features/plugins/loader/systemjs.ts).
import 'systemjs/dist/system.js';
import 'systemjs/dist/extras/amd.js';
import 'systemjs/dist/extras/named-register.js';

declare global {
  interface Window {
    System: typeof System;
    define: unknown;
    __grafana_amd_define: unknown;
  }
}

export const SystemJS = window.System;
// Grafana keeps SystemJS's AMD define aside (Monaco's RequireJS may replace window.define) and evaluates
// AMD plugin code against it.
window.__grafana_amd_define = window.define;
