// Builds the app plugin and the plugins nested in it the way @grafana/create-plugin does (AMD library output,
// Grafana's shared modules as externals, swc for TypeScript, publicPath per plugin with __webpack_public_path__
// set from the AMD `module.uri` at load time, plugin.json/README/img copied and stamped). One configuration per
// plugin: dist/ (app), dist/datasource/, dist/panel/. No type-checking here: `tsc -p src/tsconfig.json` does it.
//   npm run build     (webpack -c webpack/webpack.config.ts --mode production)
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import MinimizerPlugin from 'minimizer-webpack-plugin';
import webpack, { type Configuration } from 'webpack';
import VirtualModulesPlugin from 'webpack-virtual-modules';
import { buildDate, findPlugins, stamp, type PluginSource } from './plugins.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

/** Modules Grafana's frontend shares with plugins (its SystemJS import map); never bundled. */
export const GRAFANA_EXTERNALS: Array<string | RegExp> = [
  'react',
  'react/jsx-runtime',
  'react-dom',
  'react-dom/client',
  /^@grafana\/data(\/|$)/,
  /^@grafana\/ui(\/|$)/,
  /^@grafana\/runtime(\/|$)/,
  '@emotion/css',
  '@emotion/react',
  'emotion',
  'rxjs',
  'rxjs/operators',
  'lodash',
  'moment',
  'd3',
  'i18next',
  'react-redux',
  'redux',
  'react-router',
  'react-router-dom',
  'jquery',
  'prismjs',
  'slate',
  'slate-plain-serializer',
  '@grafana/slate-react',
];

/** Where dist/ goes: the repository's dist/, or `--env dist=/some/dir` (the build test builds into a temp dir). */
function outputDir(plugin: PluginSource, distDir: string): string {
  return join(distDir, plugin.out.replace(/^dist\/?/, ''));
}

function pluginConfig(plugin: PluginSource, production: boolean, distDir: string): Configuration {
  const { id } = plugin.json;
  const context = join(root, plugin.dir);
  const publicPath = `public/plugins/${id}/`;
  const publicPathModule = `node_modules/grafana-public-path-${id}.js`;
  const version = pkg.version;
  const today = buildDate();

  return {
    name: id,
    mode: production ? 'production' : 'development',
    context,
    target: 'web',
    entry: { module: plugin.entry },
    devtool: production ? 'source-map' : 'eval-source-map',
    cache: {
      type: 'filesystem',
      cacheDirectory: join(root, 'node_modules/.cache/webpack'),
      buildDependencies: { config: [fileURLToPath(import.meta.url), join(here, 'plugins.ts')] },
    },
    externals: [{ 'amd-module': 'module' }, ...GRAFANA_EXTERNALS],
    module: {
      rules: [
        // Before anything else runs in module.ts: set the public path from where SystemJS loaded the file.
        {
          test: (p: string) => p === plugin.entry,
          use: [{ loader: 'imports-loader', options: { imports: `side-effects grafana-public-path-${id}` } }],
        },
        {
          test: /\.[tj]sx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                target: 'es2020',
                parser: { syntax: 'typescript', tsx: true, decorators: false, dynamicImport: true },
                transform: { react: { runtime: 'automatic' } },
              },
            },
          },
        },
        { test: /\.css$/, use: ['style-loader', 'css-loader'] },
        {
          test: /\.(png|jpe?g|gif|svg)$/,
          type: 'asset/resource',
          generator: { publicPath: `${publicPath}img/`, outputPath: 'img/', filename: '[contenthash][ext]' },
        },
        {
          test: /\.(woff2?|eot|ttf|otf)$/,
          type: 'asset/resource',
          generator: { publicPath: `${publicPath}fonts/`, outputPath: 'fonts/', filename: '[contenthash][ext]' },
        },
      ],
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.jsx'],
      // Imports carry their .ts extension (as everywhere in this repository); `.js` in packages stays as is.
      extensionAlias: { '.js': ['.js', '.ts', '.tsx'] },
    },
    output: {
      path: outputDir(plugin, distDir),
      filename: '[name].js',
      library: { type: 'amd' },
      publicPath,
      uniqueName: id,
      // The app's dist/ also holds the nested plugins' folders, written by their own configurations.
      clean: plugin.nested.length ? { keep: new RegExp(`^(${plugin.nested.join('|')})(/|$)`) } : true,
    },
    optimization: {
      moduleIds: 'deterministic',
      chunkIds: 'deterministic',
      minimize: production,
      // swc minifies fast; the `/*! id@version */` banner stays in module.js (no .LICENSE.txt beside it).
      minimizer: [new MinimizerPlugin({ minify: MinimizerPlugin.swcMinify, extractComments: false })],
    },
    performance: { hints: false },
    stats: 'errors-warnings',
    plugins: [
      new VirtualModulesPlugin({
        [publicPathModule]: `
import amdMetaModule from 'amd-module';
__webpack_public_path__ = amdMetaModule && amdMetaModule.uri
  ? amdMetaModule.uri.slice(0, amdMetaModule.uri.lastIndexOf('/') + 1)
  : '${publicPath}';
`,
      }),
      new webpack.BannerPlugin({ banner: `/*! ${id}@${version} */`, raw: true, entryOnly: true }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'plugin.json', to: '.', transform: (content: Buffer) => stamp(content.toString(), version, today) },
          {
            from: 'README.md',
            to: '.',
            noErrorOnMissing: true,
            transform: (content: Buffer) => stamp(content.toString(), version, today),
          },
          { from: 'CHANGELOG.md', to: '.', noErrorOnMissing: true },
          { from: 'img/**/*', to: '.', noErrorOnMissing: true },
          { from: 'dashboards/**/*.json', to: '.', noErrorOnMissing: true },
        ],
      }),
    ],
  };
}

export default (env: Record<string, unknown>, argv: { mode?: string }): Configuration[] => {
  const production = argv.mode !== 'development';
  const distDir = typeof env.dist === 'string' && env.dist ? resolve(env.dist) : join(root, 'dist');
  return findPlugins(root).map((plugin) => pluginConfig(plugin, production, distDir));
};
