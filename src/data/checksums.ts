/**
 * @file sha256 sums of the official LAMA data.zip files (https://dl.fbaipublicfiles.com/LAMA/data.zip),
 * paths relative to the `lama/` folder. These are facts about the published files, kept in code so
 * a download is checked against them and not against whatever arrived.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export const LAMA_SHA256: Readonly<Record<string, string>> = Object.freeze({
  'Squad/test.jsonl': 'f157e7c01976952abf9eb1e70b448633feae2a93ff98e0b2f909436888a3fde0',
  'Google_RE/date_of_birth_test.jsonl': '2895462d166292237516b23f45118bf00c1d97a49df406cc1f5733a21d86be5a',
  'Google_RE/place_of_birth_test.jsonl': '7ab9cb926297b4d079a56075ec5fe957f89f06f9e21eb6959611671ef901b638',
  'Google_RE/place_of_death_test.jsonl': 'e4959868c63667f134b051ea7a9b0bcc2f0880721ca0f052a8cde66fd2410f88',
  'relations.jsonl': 'a35bc05a53939b844dd2441fbf6f80d0a6a315fee61c863db81b9b37124699ba',
});

/** The sha256 of a file, streamed. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
