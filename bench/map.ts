// On demand: `npm run bench:map [-- --requests 100000 --runs 3]`.
// The zone map panel in headless Chromium (CPU only, canvas renderer) with 320 zones and N requests in a
// frame, against the naive baseline in the same run: the same zones and every request as its own feature on
// OpenLayers' plain canvas vector layer. Measures the time to the first complete render and the frame time
// (median, p95) over a scripted sequence of pans and zooms (each step: move the view, render synchronously,
// and for the panel a second render with the level of detail the new view needs).
// Targets: first render ≤ 1.5 s; frames ≥ 5× faster than the baseline. The machine is shared: figures vary.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const { values: args } = parseArgs({
  options: { requests: { type: 'string', default: '100000' }, runs: { type: 'string', default: '3' } },
});
const REQUESTS = Number(args.requests);
const RUNS = Number(args.runs);
const here = dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.S360_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ORIGIN = 'http://zonemap-bench.localhost';

type Step = { pan?: [number, number]; zoom?: number };
type Result = { firstRenderMs: number; frames: number[]; featuresInView: number[] };

/** From the fitted city view, at each zoom step in and back out (up to 4 levels, 16×), pan around a small square. */
const SQUARE: Step[] = [{ pan: [200, 0] }, { pan: [0, 150] }, { pan: [-200, 0] }, { pan: [0, -150] }];
const STEPS: Step[] = [0, 1, 1, 1, 1, -1, -1, -1, -1].flatMap((zoom): Step[] => [
  ...(zoom ? [{ zoom }] : []),
  ...SQUARE,
]);

const t0 = performance.now();
const bundle = await build({
  entryPoints: [join(here, 'map-page.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  logLevel: 'error',
});
const script = bundle.outputFiles[0].text;
console.log(`bundled the page in ${Math.round(performance.now() - t0)} ms (${(script.length / 1e6).toFixed(1)} MB)`);

const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/bench.js') {
      return route.fulfill({ contentType: 'text/javascript', body: script });
    }
    return route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><meta charset="utf-8"><body style="margin:0"><script src="/bench.js"></script>`,
    });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => !!(window as any).__bench);
  const sizes = await page.evaluate((n) => (window as any).__bench.prepare(n), REQUESTS);
  console.log(
    `${sizes.zones} zones, ${sizes.requests.toLocaleString('en')} requests; ${RUNS} runs of ${STEPS.length} steps each`
  );

  const panel: Result[] = [],
    baseline: Result[] = [];
  for (let r = 0; r < RUNS; r++) {
    baseline.push(await page.evaluate((steps) => (window as any).__bench.runBaseline(steps), STEPS));
    panel.push(await page.evaluate((steps) => (window as any).__bench.runPanel(steps), STEPS));
    console.log(
      `run ${r + 1}: first render panel ${Math.round(panel[r].firstRenderMs)} ms, baseline ${Math.round(baseline[r].firstRenderMs)} ms`
    );
  }
  if (errors.length) {
    throw new Error(`page errors: ${errors.join('; ')}`);
  }

  const summary = (rs: Result[]) => {
    const frames = rs.flatMap((r) => r.frames);
    return {
      firstRenderMs: {
        median: quantile(
          rs.map((r) => r.firstRenderMs),
          0.5
        ),
        max: Math.max(...rs.map((r) => r.firstRenderMs)),
      },
      frameMs: { median: quantile(frames, 0.5), p95: quantile(frames, 0.95), max: Math.max(...frames) },
      featuresInView: {
        max: Math.max(...rs.flatMap((r) => r.featuresInView)),
        median: quantile(
          rs.flatMap((r) => r.featuresInView),
          0.5
        ),
      },
    };
  };
  const p = summary(panel),
    b = summary(baseline);
  const speedup = { median: b.frameMs.median / p.frameMs.median, p95: b.frameMs.p95 / p.frameMs.p95 };
  const verdict = { firstRender: p.firstRenderMs.median <= 1500, frames: speedup.median >= 5 && speedup.p95 >= 5 };
  const fmt = (x: number) => x.toFixed(x < 10 ? 1 : 0);
  console.log('');
  console.log('                      first render   frame median   frame p95   features in view (max)');
  console.log(
    `panel (LOD, canvas)   ${fmt(p.firstRenderMs.median).padStart(9)} ms   ` +
      `${fmt(p.frameMs.median).padStart(9)} ms   ${fmt(p.frameMs.p95).padStart(6)} ms   ${p.featuresInView.max}`
  );
  console.log(
    `baseline (all points) ${fmt(b.firstRenderMs.median).padStart(9)} ms   ` +
      `${fmt(b.frameMs.median).padStart(9)} ms   ${fmt(b.frameMs.p95).padStart(6)} ms   ${b.featuresInView.max}`
  );
  console.log(`frames faster: ${speedup.median.toFixed(1)}× (median), ${speedup.p95.toFixed(1)}× (p95)`);
  console.log(
    `targets: first render ≤ 1500 ms ${verdict.firstRender ? 'met' : 'MISSED'}; frames ≥ 5× faster ${verdict.frames ? 'met' : 'MISSED'}`
  );
  const out = join(here, 'results', `map-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify(
      {
        requests: REQUESTS,
        zones: sizes.zones,
        runs: RUNS,
        steps: STEPS.length,
        panel: p,
        baseline: b,
        speedup,
        verdict,
        raw: { panel, baseline },
      },
      null,
      2
    )
  );
  console.log(`written ${out}`);
} finally {
  await browser.close();
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) {
    return NaN;
  }
  const i = (s.length - 1) * q,
    lo = Math.floor(i),
    hi = Math.ceil(i);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
}
