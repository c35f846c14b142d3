/**
 * @file Tests that read real data get its path here; nothing is skipped silently when absent.
 * The data root is `$LMKG_DATA_DIR`: ../shared/data in CI, or on a fresh clone the lmkg cache that
 * `npm test` filled with LAMA and UD English EWT (scripts/test-data.mjs). That cache has no
 * Wikipedia `corpus/`; tests that want prose read `corpusText()`, which falls back to text lmkg
 * fetched itself: the Google-RE evidence paragraphs (Wikipedia) and the UD sentences.
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
 * A text file of prose, one paragraph or sentence per line. `bio`: corpus/bio/bio_000.txt (3.5 MB of
 * biographies), else the Google-RE evidence paragraphs (about 2 MB of Wikipedia biographies).
 * `general`: corpus/general/general_003.txt, else the sentences of UD English EWT dev and test.
 */
export function corpusText(part: 'bio' | 'general'): string {
  const root = resolve(process.env.LMKG_DATA_DIR ?? '');
  const file = part === 'bio' ? join(root, 'corpus', 'bio', 'bio_000.txt') : join(root, 'corpus', 'general', 'general_003.txt');
  if (existsSync(file)) return file;
  const folder = join(tmpdir(), `lmkg-test-text-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`);
  const built = join(folder, `${part}.txt`);
  if (!existsSync(built)) {
    const lines = part === 'bio' ? evidenceParagraphs() : udSentences();
    mkdirSync(folder, { recursive: true });
    const temp = `${built}.${process.pid}.tmp`;
    writeFileSync(temp, `${lines.join('\n')}\n`);
    renameSync(temp, built); // test files run in parallel: each writes its own temp file, the rename is atomic
  }
  return built;
}

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

function udSentences(): string[] {
  const folder = join(sharedData('ud'), 'UD_English-EWT');
  return ['en_ewt-ud-dev.conllu', 'en_ewt-ud-test.conllu'].flatMap((name) => readFileSync(join(folder, name), 'utf8').split('\n')
    .filter((line) => line.startsWith('# text = ')).map((line) => line.slice('# text = '.length)));
}
