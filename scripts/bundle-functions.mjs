#!/usr/bin/env node
// Second half of the functions build (`npm --prefix functions run build`, after tsc): one esbuild
// bundle per deployed function, so that an instance loads one file of its own code instead of a
// tree of modules and zod's ~95 files (cold start, docs/bench.md "Cold start").
//
//   functions/lib/fn/<name>.js   the function's export and everything it imports from src, zod
//                                included and tree-shaken; firebase-functions, firebase-admin and
//                                @google-cloud/* stay external (and lazy where src loads them lazily)
//   functions/lib/index.js       src/index.ts itself, bundled, with each row of its FUNCTIONS table
//                                `name: () => require('./path').export` rewritten to
//                                `name: () => require('./fn/name.js').export`: the same lazy getters
//                                and global options, so deploy and the emulators load it as before
//
// The entries are derived from the FUNCTIONS table, never listed here: a function added to or moved
// in src/index.ts is bundled without touching this file. Source maps (.js.map, without sources) map
// stack traces back to src; lib/index.js turns them on before it loads a bundle.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FUNCTIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'functions');
const SRC = join(FUNCTIONS_DIR, 'src');
const LIB = join(FUNCTIONS_DIR, 'lib');
const INDEX = join(SRC, 'index.ts');

/** Packages an instance resolves from node_modules at run time: installed by Cloud Build from package.json. */
export const EXTERNAL = ['firebase-functions', 'firebase-functions/*', 'firebase-admin', 'firebase-admin/*', '@google-cloud/*'];

// One row of the FUNCTIONS table: `  name: () => require('./path').exportName,`
const ROW = /^(\s+)(\w+): \(\) => require\('(\.\/[^']+)'\)\.(\w+)(,?)[ \t]*$/gm;

/** The FUNCTIONS table of src/index.ts: [{ name, path, exportName }], in table order. */
export function functionsTable(source = readFileSync(INDEX, 'utf8')) {
  const rows = [...source.matchAll(ROW)].map(([, , name, path, exportName]) => ({ name, path, exportName }));
  // Every lazy getter must be a row this build understands, or that function would not be bundled.
  const getters = source.match(/\(\) => require\(/g)?.length ?? 0;
  if (rows.length === 0 || rows.length !== getters) {
    throw new Error(
      `src/index.ts: ${getters} lazy getters but ${rows.length} rows of the form ` +
        "`name: () => require('./path').export,` — keep the FUNCTIONS table in that shape",
    );
  }
  const names = rows.map((row) => row.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate) throw new Error(`src/index.ts: ${duplicate} appears twice in FUNCTIONS`);
  return rows;
}

/** src/index.ts with every row pointing at the function's own bundle. */
export function rewriteIndex(source) {
  return source.replace(
    ROW,
    (_, indent, name, _path, exportName, comma) => `${indent}${name}: () => require('./fn/${name}.js').${exportName}${comma}`,
  );
}

function esbuild() {
  // esbuild is a devDependency of functions/ (pinned there), not of the root package.
  return createRequire(join(FUNCTIONS_DIR, 'package.json'))('esbuild');
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20', // local tests run Node 20; deploys run nodejs22
  external: EXTERNAL,
  sourcemap: 'linked',
  sourcesContent: false, // stack traces need the mappings only; keeps the maps small
  logLevel: 'warning',
  absWorkingDir: FUNCTIONS_DIR,
  tsconfig: join(FUNCTIONS_DIR, 'tsconfig.json'),
};

// Source maps for stack traces. Cloud Functions (nodejs22) runs Node without --enable-source-maps;
// module.setSourceMapsSupport (Node >= 22.14) turns them on for our own files only (nodeModules:
// false, so no map of gRPC or @google-cloud/* is ever parsed): the cost is reading each loaded
// bundle's map. Node 20 (local runs here) has no such switch, and process.setSourceMapsEnabled costs
// ~20 ms on every cold start there (it checks every module firebase-functions loads), so it stays off;
// start Node with --enable-source-maps (NODE_OPTIONS) to map traces locally (docs/bench.md).
const SOURCE_MAPS_BANNER = [
  "'use strict';",
  "const { setSourceMapsSupport } = require('node:module');",
  "if (typeof setSourceMapsSupport === 'function') setSourceMapsSupport(true, { nodeModules: false });",
].join('\n');

// `import { z } from 'zod/mini'` binds zod's namespace through a re-export, which esbuild cannot
// shake: every bundle would carry all of zod (its ~50 locales included). The namespace import is the
// same object's members, and esbuild shakes it. Applied to src as it is bundled, so src keeps zod's
// documented import style. (src uses zod/mini, zod's functional API: its schemas build without
// classic zod's per-instance methods, ~10 ms less on every cold start; docs/bench.md.)
const ZOD_NAMED_IMPORT = /^import \{ z \} from '(zod(?:\/mini)?)';$/gm;
const shakableZod = {
  name: 'gocafein-shakable-zod',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace(ZOD_NAMED_IMPORT, "import * as z from '$1';"),
      loader: 'ts',
    }));
  },
};

export async function bundleFunctions({ quiet = false } = {}) {
  const { build } = esbuild();
  const table = functionsTable();
  if (!existsSync(LIB)) mkdirSync(LIB, { recursive: true });
  rmSync(join(LIB, 'fn'), { recursive: true, force: true });

  const started = Date.now();
  const entry = new Map(table.map((row) => [row.name, row]));
  const virtualEntries = {
    name: 'gocafein-function-entries',
    setup(b) {
      b.onResolve({ filter: /^gocafein-fn:/ }, (args) => ({ path: args.path.slice('gocafein-fn:'.length), namespace: 'gocafein-fn' }));
      b.onLoad({ filter: /.*/, namespace: 'gocafein-fn' }, (args) => {
        const { path, exportName } = entry.get(args.path);
        return { contents: `export { ${exportName} } from ${JSON.stringify(path)};\n`, resolveDir: SRC, loader: 'ts' };
      });
    },
  };
  await build({
    ...common,
    entryPoints: table.map((row) => ({ in: `gocafein-fn:${row.name}`, out: row.name })),
    outdir: join(LIB, 'fn'),
    plugins: [virtualEntries, shakableZod],
  });

  const rewrittenIndex = {
    name: 'gocafein-index',
    setup(b) {
      b.onResolve({ filter: /^\.\/fn\// }, (args) => ({ path: args.path, external: true }));
      b.onLoad({ filter: /[\\/]src[\\/]index\.ts$/ }, (args) => ({
        contents: rewriteIndex(readFileSync(args.path, 'utf8')),
        loader: 'ts',
        resolveDir: SRC,
      }));
    },
  };
  await build({
    ...common,
    entryPoints: [INDEX],
    outfile: join(LIB, 'index.js'),
    banner: { js: SOURCE_MAPS_BANNER },
    plugins: [rewrittenIndex, shakableZod],
  });
  if (!quiet) console.log(`[bundle] ${table.length} function bundles + lib/index.js in ${Date.now() - started} ms`);
  return table;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundleFunctions();
}
