#!/usr/bin/env node
// The test suite's data on a machine without ../shared/data (a fresh clone): LAMA's data.zip and the
// UD English EWT release, fetched by lmkg itself into its cache ($LMKG_CACHE_DIR, else ~/.cache/lmkg)
// with the same code as `lmkg data fetch` and `lmkg parser fetch`: checksummed, resumable, and under
// the cache's fetch locks, so two test runs fetching into one cache wait for each other instead of
// colliding. LMKG_LAMA_URL and LMKG_UD_URL point it at a mirror. `npm test` runs it when neither
// LMKG_DATA_DIR nor ../shared/data is there; run by hand it prints the data root:
//   node scripts/test-data.mjs          (needs `npm run build` first, which `npm test` does)
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Fetches what is missing (or does nothing when the cache already holds verified copies); returns the data root. */
export async function bootstrapTestData(say = (line) => console.log(line)) {
  const lmkg = await import('../dist/index.js');
  const { lamaArchiveUrl, treebankBaseUrl } = await import('../dist/internal.js');
  const root = lmkg.cacheDir();
  const fetched = existsSync(join(root, 'lama')) && existsSync(join(root, 'ud', 'UD_English-EWT'));
  if (fetched) say(`npm test: no LMKG_DATA_DIR and no ../shared/data; using the LAMA and UD English EWT files fetched earlier into ${root} (their sums are checked again)`);
  else say(`npm test: no LMKG_DATA_DIR and no ../shared/data; fetching LAMA (${lamaArchiveUrl()}) and UD English EWT (${treebankBaseUrl()}) into ${root} once (checksummed, resumable; the tests read that folder)`);
  let last = 0;
  const progress = (what) => (event) => {
    if (event.stage === 'wait') say(`npm test: ${event.message}`);
    else if (event.stage === 'download' && Date.now() - last > 15_000) {
      last = Date.now();
      say(`npm test: ${what} ${(event.bytes / 1e6).toFixed(1)}${event.total ? ` / ${(event.total / 1e6).toFixed(1)}` : ''} MB`);
    }
  };
  await lmkg.fetchLama({ onProgress: progress('LAMA data.zip') });
  await lmkg.fetchTreebank({ onProgress: progress('UD English EWT') });
  return root;
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  try {
    console.log(await bootstrapTestData());
  } catch (error) {
    console.error(`npm test: the test data could not be fetched: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
