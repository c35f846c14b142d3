/**
 * @file Tests that read real data get its path here; nothing is skipped silently when absent.
 * The data root is `$LMKG_DATA_DIR`: ../shared/data in CI, or on a fresh clone the lmkg cache that
 * `npm test` filled with LAMA and UD English EWT (scripts/test-data.mjs). That cache has no
 * Wikipedia `corpus/`; tests that want prose read `corpusText()`, which falls back to text lmkg
 * fetched itself: the Wikipedia paragraphs of the Google-RE evidence.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** `$LMKG_DATA_DIR`, checked to hold `sub`; throws with what to set otherwise. */
export function sharedData(sub: 'lama' | 'corpus' | 'ud' = 'lama'): string {
  const root = process.env.LMKG_DATA_DIR;
  if (!root) throw new Error('LMKG_DATA_DIR is not set: set it to ../shared/data (npm test does this when that folder exists, and fetches the data into the cache when it does not)');
  const folder = join(resolve(root), sub);
  if (!existsSync(folder)) throw new Error(`LMKG_DATA_DIR=${root} has no ${sub}/ folder: point it at ../shared/data`);
  return folder;
}

/**
 * A text file of Wikipedia prose, one paragraph per line. `bio`: corpus/bio/bio_000.txt (3.5 MB of
 * biographies); `general`: corpus/general/general_003.txt (other articles). Without corpus/ (a
 * fresh clone), the Google-RE evidence paragraphs (Wikipedia, about 1.9 MB): `general` is their
 * last 1,200, `bio` the others, so text trained on and text encoded stay apart.
 */
export function corpusText(part: 'bio' | 'general'): string {
  const root = resolve(process.env.LMKG_DATA_DIR ?? '');
  const file = part === 'bio' ? join(root, 'corpus', 'bio', 'bio_000.txt') : join(root, 'corpus', 'general', 'general_003.txt');
  if (existsSync(file)) return file;
  const folder = join(tmpdir(), `lmkg-test-text-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`);
  const built = join(folder, `${part}-v2.txt`);
  if (!existsSync(built)) {
    const paragraphs = evidenceParagraphs();
    const lines = part === 'bio' ? paragraphs.slice(0, -GENERAL_PARAGRAPHS) : paragraphs.slice(-GENERAL_PARAGRAPHS);
    mkdirSync(folder, { recursive: true });
    const temp = `${built}.${process.pid}.tmp`;
    writeFileSync(temp, `${lines.join('\n')}\n`);
    renameSync(temp, built); // test files run in parallel: each writes its own temp file, the rename is atomic
  }
  return built;
}

const GENERAL_PARAGRAPHS = 1200;

function evidenceParagraphs(): string[] {
  const seen = new Set<string>();
  for (const name of ['place_of_birth_test.jsonl', 'date_of_birth_test.jsonl', 'place_of_death_test.jsonl']) {
    for (const line of readFileSync(join(sharedData('lama'), 'Google_RE', name), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const record = JSON.parse(line) as { evidences?: Array<{ snippet?: string }> };
      for (const evidence of record.evidences ?? []) {
        const text = evidence.snippet?.replace(/\s+/g, ' ').trim();
        if (text) seen.add(text);
      }
    }
  }
  return [...seen];
}
