#!/usr/bin/env node
// Builds the report's browser app: type-checks src/report/app with tsconfig.app.json (DOM lib), then
// bundles src/report/app/main.mts (sigma, graphology and the app; iife, minified) into
// dist/report/app.js and src/report/app/styles.css into dist/report/app.css. renderReportHtml inlines both.
// Runs after `tsc -p tsconfig.json` in `npm run build`. Usage: node scripts/build-report-app.mjs [--no-check]
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'report');

if (!process.argv.includes('--no-check')) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const check = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.app.json')], { cwd: root, stdio: 'inherit' });
  if (check.status !== 0) {
    console.error('build-report-app: the report app (src/report/app) does not type-check; see the errors above');
    process.exit(check.status ?? 1);
  }
}

mkdirSync(out, { recursive: true });
const common = { bundle: true, minify: true, legalComments: 'none', logLevel: 'warning', absWorkingDir: root };
await build({
  ...common,
  entryPoints: [join(root, 'src/report/app/main.mts')],
  outfile: join(out, 'app.js'),
  format: 'iife',
  platform: 'browser',
  target: ['chrome100', 'firefox100', 'safari15'],
  charset: 'utf8',
});
await build({ ...common, entryPoints: [join(root, 'src/report/app/styles.css')], outfile: join(out, 'app.css') });
