// A jsdom test environment with Node's fetch: for a test that loads the plugin code (whose @grafana/ui ES module
// build needs `window`) and also talks to a real aggregator over HTTP (tests/integration/catalog.test.ts). jsdom
// has no fetch; Node's (undici) with its Request, Response, Headers and the encoders it uses is passed in, as
// jest's node environment passes it. Name it in a test file's docblock:
//   /** @jest-environment ./tests/jest/jsdom-with-node-fetch.js */
import JSDOMEnvironment from 'jest-environment-jsdom';

const FROM_NODE = [
  'fetch',
  'Request',
  'Response',
  'Headers',
  'FormData',
  'TextEncoder',
  'TextDecoder',
  'ReadableStream',
];

export default class JsdomWithNodeFetch extends JSDOMEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of FROM_NODE) {
      if (this.global[name] === undefined) {
        this.global[name] = globalThis[name];
      }
    }
  }
}
