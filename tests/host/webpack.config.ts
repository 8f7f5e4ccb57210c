// Webpack configuration of the plugin host: the host page (tests/host/page) and the fixture plugins
// (tests/host/fixtures/*), which are built the way @grafana/create-plugin builds a plugin (AMD, Grafana's externals).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'webpack';

export const HOST_DIR = fileURLToPath(new URL('.', import.meta.url));
export const ROOT_DIR = join(HOST_DIR, '../..');
const PAGE_DIR = join(HOST_DIR, 'page');
export const FIXTURES_DIR = join(HOST_DIR, 'fixtures');

const swcRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: 'swc-loader',
    options: {
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic' } },
      },
    },
  },
};

const common = {
  mode: 'production' as const, // NODE_ENV=production, as Grafana ships; no minifying (speed)
  devtool: false as const,
  context: ROOT_DIR,
  optimization: { minimize: false },
  performance: { hints: false as const },
  infrastructureLogging: { level: 'error' as const },
  stats: 'errors-warnings' as const,
};

/** The host page: SystemJS, the shared modules, the runtime services and the panel renderer. */
export function hostPageConfig(outDir: string): Configuration {
  return {
    ...common,
    name: 'host',
    target: 'web',
    entry: { main: join(PAGE_DIR, 'index.tsx') },
    output: {
      path: join(outDir, 'host'),
      publicPath: '/host/',
      filename: '[name].js',
      chunkFilename: '[name].[contenthash].js',
      clean: true,
    },
    experiments: { css: true },
    resolve: {
      extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'],
      alias: {
        // @grafana/i18n exports no subpath for its initialiser; Grafana core imports it from source.
        'grafana-i18n-internal$': join(ROOT_DIR, 'node_modules/@grafana/i18n/dist/esm/i18n.mjs'),
      },
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, buffer: false },
    },
    module: {
      rules: [
        swcRule,
        { test: /\.m?js$/, resolve: { fullySpecified: false } },
        { test: /\.css$/, type: 'css/auto' },
        { test: /\.(svg|png|woff2?|ttf|eot)$/, type: 'asset/resource' },
      ],
    },
  };
}

/** Grafana's externals as @grafana/create-plugin declares them (plus the jsx runtime React 19 plugins share). */
export const PLUGIN_EXTERNALS: Array<string | RegExp | Record<string, string>> = [
  { 'amd-module': 'module' },
  'lodash',
  'jquery',
  'moment',
  'slate',
  'emotion',
  '@emotion/react',
  '@emotion/css',
  'prismjs',
  'slate-plain-serializer',
  '@grafana/slate-react',
  'react',
  'react-dom',
  'react-dom/client',
  'react/jsx-runtime',
  'react-redux',
  'redux',
  'rxjs',
  'rxjs/operators',
  'i18next',
  'react-router',
  'react-router-dom',
  'd3',
  'angular',
  /^@grafana\/ui/i,
  /^@grafana\/runtime/i,
  /^@grafana\/data/i,
];

export function fixtureIds(): string[] {
  if (!existsSync(FIXTURES_DIR)) {
    return [];
  }
  return readdirSync(FIXTURES_DIR)
    .filter((d) => existsSync(join(FIXTURES_DIR, d, 'plugin.json')))
    .sort();
}

/** One AMD plugin build per fixture folder, written to <outDir>/fixtures/<folder>/module.js. */
export function fixturePluginConfigs(outDir: string): Configuration[] {
  return fixtureIds().map((folder) => {
    const pluginId = (JSON.parse(readFileSync(join(FIXTURES_DIR, folder, 'plugin.json'), 'utf8')) as { id: string }).id;
    return {
      ...common,
      name: `fixture-${folder}`,
      target: 'web',
      entry: { module: join(FIXTURES_DIR, folder, 'module.tsx') },
      output: {
        path: join(outDir, 'fixtures', folder),
        filename: '[name].js',
        library: { type: 'amd' },
        publicPath: `public/plugins/${pluginId}/`,
        uniqueName: pluginId,
        clean: true,
      },
      externals: PLUGIN_EXTERNALS as Configuration['externals'],
      resolve: { extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'] },
      module: { rules: [swcRule] },
    };
  });
}
