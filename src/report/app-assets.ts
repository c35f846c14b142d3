/**
 * @file Finds the browser app that scripts/build-report-app.mjs bundles at build time
 * (dist/report/app.js and app.css). From dist/ they sit beside this module; from src/ (tsx) they
 * are in ../../dist/report/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NotFoundError } from '../errors.js';

export interface AppAssets {
  script: string;
  style: string;
}

export function readAppAssets(): AppAssets {
  const folders = ['./', '../../dist/report/'].map((folder) => fileURLToPath(new URL(folder, import.meta.url)));
  const folder = folders.find((f) => existsSync(`${f}app.js`) && existsSync(`${f}app.css`));
  if (folder === undefined) {
    throw new NotFoundError(`renderReportHtml: the report app bundle (app.js, app.css) is in none of ${folders.join(', ')}; run \`npm run build\` (it runs scripts/build-report-app.mjs)`);
  }
  return { script: readFileSync(`${folder}app.js`, 'utf8'), style: readFileSync(`${folder}app.css`, 'utf8') };
}
