// Before each plugin test file (jest setupFiles, in jsdom): what Grafana's page gives its frontend and jsdom
// lacks, as create-plugin's .config/jest-setup.js provides it.
import { TextDecoder, TextEncoder } from 'node:util';
import { MessageChannel, type MessagePort } from 'node:worker_threads';

const g = globalThis as Record<string, unknown>;
// What Grafana's index.html gives its frontend before any plugin loads.
g.grafanaBootData = {
  settings: { datasources: {}, panels: {}, buildInfo: { version: '13.2.3' } },
  user: {},
  navTree: [],
};
g.IS_REACT_ACT_ENVIRONMENT = true;
if (!g.TextEncoder) {
  Object.assign(g, { TextEncoder, TextDecoder });
}

// jsdom has no matchMedia; @grafana/ui asks it for the theme and breakpoints.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  }),
});

// jsdom has no canvas; @grafana/ui measures text widths (Combobox menus) with a 2d context.
HTMLCanvasElement.prototype.getContext = function getContext(kind: string) {
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
} as never;

// jsdom has no MessageChannel; react-dom's server renderer (which @grafana/ui imports) and React's scheduler schedule
// work with it. Node's ports keep a process alive while they listen, and nothing closes theirs: jest then force-exited
// the plugin tests' worker at the end of every run ("a worker process has failed to exit gracefully"). These ports unreference
// themselves whenever a listener is set (setting onmessage references a Node port again): they still carry messages
// while the tests run, and let the worker exit.
function unreferencedWhenListening(port: MessagePort): void {
  // The handler property is found up the prototype chain: under jest it is not on the port's own prototype (read
  // only there, nothing was unreferenced and the warning came back).
  let proto: object | null = Object.getPrototypeOf(port);
  let handler: PropertyDescriptor | undefined;
  while (proto && !handler) {
    handler = Object.getOwnPropertyDescriptor(proto, 'onmessage');
    proto = Object.getPrototypeOf(proto);
  }
  const { get, set } = handler ?? {};
  if (!get || !set) {
    return;
  }
  Object.defineProperty(port, 'onmessage', {
    configurable: true,
    get: () => get.call(port),
    set: (listener: unknown) => {
      set.call(port, listener);
      port.unref();
    },
  });
  port.unref();
}
class UnreferencedMessageChannel extends MessageChannel {
  constructor() {
    super();
    unreferencedWhenListening(this.port1);
    unreferencedWhenListening(this.port2);
  }
}
if (!g.MessageChannel) {
  Object.assign(g, { MessageChannel: UnreferencedMessageChannel });
}

// jsdom has no IntersectionObserver; @grafana/ui's menus create one. As in happy-dom (which these tests ran in
// before jest), it observes and never reports: nothing scrolls in a test.
class QuietIntersectionObserver {
  readonly root = null;
  readonly rootMargin = '0px';
  readonly thresholds = [0];
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
}
if (!g.IntersectionObserver) {
  g.IntersectionObserver = QuietIntersectionObserver;
}

// jest's jsdom environment has no structuredClone (the browsers Grafana supports have it; the options migration
// clones the saved options with it). Node's cannot be passed in: it would build its copies from Node's Object and
// Array, not this realm's, and a strict deepEqual of a copy with a literal would fail on the prototype alone. A
// clone here, in the test's realm, of what panel options hold (JSON-like data, dates, maps, sets).
function cloneHere(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  if (seen.has(value)) {
    return seen.get(value);
  }
  if (value instanceof Date) {
    return new Date(value.getTime());
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const v of value) {
      out.push(cloneHere(v, seen));
    }
    return out;
  }
  if (value instanceof Map) {
    const out = new Map();
    seen.set(value, out);
    for (const [k, v] of value) {
      out.set(cloneHere(k, seen), cloneHere(v, seen));
    }
    return out;
  }
  if (value instanceof Set) {
    const out = new Set();
    seen.set(value, out);
    for (const v of value) {
      out.add(cloneHere(v, seen));
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const [k, v] of Object.entries(value)) {
    out[k] = cloneHere(v, seen);
  }
  return out;
}
if (!g.structuredClone) {
  g.structuredClone = (value: unknown) => cloneHere(value);
}
