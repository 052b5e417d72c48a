// Builds the add-in into dist/: the custom functions bundle and its functions.json (from the function table), the task pane page (which
// is also the shared runtime page, so it loads both bundles), the manifest, icons and the function reference.
//
//   webpack --mode production                           URLs for the dev server, https://localhost:3000/
//   ADDIN_BASE_URL=https://host/path/ webpack --mode production
//                                                       hosted: every https://localhost:3000/ in manifest.xml and
//                                                       functions.json becomes the base URL
//   webpack --env outDir=/tmp/x                         build somewhere other than dist/
//
// office.js: every build serves its own copy of the npm package @microsoft/office-js (which mirrors Microsoft's
// CDN) from office-js/, so dev, tests and hosted builds are one setup that works offline and under the task
// pane's Content-Security-Policy (script-src 'self'); its version is pinned by package-lock.json. A submission to
// Microsoft's add-in store must load office.js from the CDN instead: change OFFICE_JS below and allow
// https://appsforoffice.microsoft.com in the page's script-src.
'use strict';
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { Compilation, WebpackError, sources } = require('webpack');
const { normaliseBaseUrl, rewriteUrls } = require('./scripts/addinUrls');
const { renderHtml } = require('./scripts/gen-function-docs');
const { functionsJson, SPECS_FILE, DOCS_FILE } = require('./scripts/functionTable');

const OFFICE_JS_DIR = 'office-js';
const OFFICE_JS = `${OFFICE_JS_DIR}/office.js`;
// The page-load target (every function associated within 300 ms, bench "loading") is what users feel; this budget
// keeps the bundle from creeping unnoticed. Raised from 150 KB when OKX's contract brackets, stored live-price
// settings and LIQUIDATION_PRICE's number path took it to 154 KB (page load unchanged: bench/README.md).
// Raised from 160 KB for MARGIN.ACCOUNT (+5 KB: its argument reading, its messages and webpack's loader of the chunk
// that holds the live account's code, 85 KB, fetched on the first ACCOUNT cell instead of at page load).
const FUNCTIONS_BUNDLE_LIMIT = 170 * 1024;

// Only what Excel needs from the office-js package: no debug builds, IntelliSense files or other hosts' scripts.
const OFFICE_JS_IGNORE = [
  '**/*.debug.js',
  '**/*.d.ts',
  '**/office-vsdoc.js',
  '**/{access,onenote,outlook,outlookwebapp,powerpoint,powerpointios,project,visio,word,wordios}-*.js',
];

/** Adds the office.js <script> before the bundles (it must run first) without the page template naming it. */
class OfficeJsTagPlugin {
  constructor(src) {
    this.src = src;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap('OfficeJsTagPlugin', (compilation) => {
      HtmlWebpackPlugin.getCompilationHooks(compilation).alterAssetTagGroups.tap('OfficeJsTagPlugin', (groups) => {
        const tag = HtmlWebpackPlugin.createHtmlTagObject('script', { src: this.src });
        return { ...groups, headTags: [tag, ...groups.headTags] };
      });
    });
  }
}

// The pane may fetch from a local mock exchange while developing (npm start); a production build must not let
// a page fetch from whatever listens on the user's machine, so these leave the policy there.
const DEV_CONNECT_SOURCES = ['http://localhost:*', 'http://127.0.0.1:*'];

/** The page with the development-only connect sources taken out of its Content-Security-Policy. */
function productionPolicy(html) {
  const meta = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/;
  const found = meta.exec(html);
  if (!found) throw new Error('taskpane.html: no Content-Security-Policy meta tag to restrict');
  const policy = found[2]
    .split(';')
    .map((directive) => {
      const words = directive.trim().split(/\s+/);
      return words[0] === 'connect-src' ? words.filter((w) => !DEV_CONNECT_SOURCES.includes(w)).join(' ') : directive.trim();
    })
    .join('; ');
  return html.replace(meta, `$1${policy}$3`);
}

/** Applies {@link productionPolicy} to the built task pane page. */
class ProductionPolicyPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap('ProductionPolicyPlugin', (compilation) => {
      HtmlWebpackPlugin.getCompilationHooks(compilation).beforeEmit.tap('ProductionPolicyPlugin', (data) => ({
        ...data,
        html: productionPolicy(data.html),
      }));
    });
  }
}

/**
 * Emits functions.json from the function table (src/functions/core/specs.ts and docs.ts), with its help links
 * rewritten for a hosted build, and renders the function reference page from it. functions.ts registers the same
 * table's functions with Excel, so the metadata and the bundle cannot disagree.
 */
class FunctionReferencePlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('FunctionReferencePlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'FunctionReferencePlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          // docs.ts is in no bundle: watch it too, so that `npm start` rebuilds when a description changes.
          compilation.fileDependencies.addAll([SPECS_FILE, DOCS_FILE]);
          let json;
          try {
            json = rewriteUrls(functionsJson(), this.baseUrl);
          } catch (error) {
            compilation.errors.push(new WebpackError(`functions.json: ${error.message}`));
            return;
          }
          compilation.emitAsset('functions.json', new sources.RawSource(json));
          compilation.emitAsset('FUNCTIONS.html', new sources.RawSource(renderHtml(JSON.parse(json))));
        },
      );
    });
  }
}

/** A refused ADDIN_BASE_URL is one line on stderr and exit 1, not a webpack stack trace. */
function baseUrlOrExit(raw) {
  try {
    return normaliseBaseUrl(raw);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode ?? 'production';
  const baseUrl = baseUrlOrExit(env.baseUrl ?? process.env.ADDIN_BASE_URL);
  const outDir = path.resolve(__dirname, env.outDir ?? 'dist');
  const copies = [
    { from: 'assets/*.png', to: 'assets/[name][ext]' },
    { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
    { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => rewriteUrls(content.toString(), baseUrl) },
    {
      from: '**/*',
      context: path.dirname(require.resolve('@microsoft/office-js/dist/office.js')),
      to: OFFICE_JS_DIR,
      globOptions: { ignore: OFFICE_JS_IGNORE },
      // Already minified: without this the minimizer would spend minutes re-minifying 14 MB of office.js.
      info: { minimized: true },
    },
  ];

  return {
    mode,
    context: __dirname,
    devtool: mode === 'development' ? 'source-map' : false,
    // Rebuilds (npm start, a second build in the tests) reuse compiled and minified modules.
    cache: {
      type: 'filesystem',
      buildDependencies: {
        config: [
          __filename,
          require.resolve('./scripts/addinUrls'),
          require.resolve('./scripts/gen-function-docs'),
          require.resolve('./scripts/functionTable'),
        ],
      },
    },
    entry: {
      functions: './src/functions/functions.ts',
      // One runtime for both bundles: the task pane reuses the functions bundle's modules, so both see the same
      // preset registry (sharedRegistry) instead of one copy each.
      taskpane: { import: './src/taskpane/app/taskpane.ts', dependOn: 'functions' },
    },
    // Chunks loaded on first use (the live account's code) come from beside the page that runs the bundles, wherever
    // it is hosted; '' also spares the bundle webpack's guess from document.currentScript, which a host may lack.
    output: { path: outDir, filename: '[name].js', publicPath: '', clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // Type checking is `npm run typecheck`; the bundle only needs the transpiled code.
              transpileOnly: true,
              compilerOptions: { module: 'esnext', sourceMap: mode === 'development' },
            },
          },
        },
      ],
    },
    plugins: [
      new FunctionReferencePlugin(baseUrl),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'],
      }),
      new OfficeJsTagPlugin(OFFICE_JS),
      ...(mode === 'production' ? [new ProductionPolicyPlugin()] : []),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    performance: {
      hints: mode === 'production' ? 'warning' : false,
      maxAssetSize: FUNCTIONS_BUNDLE_LIMIT,
      maxEntrypointSize: Number.MAX_SAFE_INTEGER,
      assetFilter: (name) => name === 'functions.js',
    },
  };
};

module.exports.FUNCTIONS_BUNDLE_LIMIT = FUNCTIONS_BUNDLE_LIMIT;
module.exports.OFFICE_JS = OFFICE_JS;
module.exports.DEV_CONNECT_SOURCES = DEV_CONNECT_SOURCES;
module.exports.productionPolicy = productionPolicy;
