/**
 * @file Decoders of a `tokenizer.json` (ByteLevel, WordPiece, Sequence) and the final clean-up,
 * with tokenizers.js semantics: ids -> tokens -> text.
 */
import { UsageError } from '../errors.js';
import { fromByteLevel } from './byte-level.js';

/** Tokens in, text pieces out (joined with "" by the caller). */
export type DecodeChain = (tokens: string[]) => string[];

/** `clean_up_tokenization` of transformers: drops the space before punctuation and English contractions. */
export function cleanUpTokenization(text: string): string {
  return text
    .replace(/ \./g, '.')
    .replace(/ \?/g, '?')
    .replace(/ !/g, '!')
    .replace(/ ,/g, ',')
    .replace(/ ' /g, "'")
    .replace(/ n't/g, "n't")
    .replace(/ 'm/g, "'m")
    .replace(/ 's/g, "'s")
    .replace(/ 've/g, "'ve")
    .replace(/ 're/g, "'re");
}

/** Builds the decoder a `tokenizer.json` describes; `addedContents` are all added tokens (kept verbatim by ByteLevel). */
export function createDecoder(config: unknown, addedContents: ReadonlySet<string>, where: string): DecodeChain | null {
  if (config === null || config === undefined) return null;
  const c = config as { type?: unknown; prefix?: unknown; cleanup?: unknown; decoders?: unknown };
  switch (c.type) {
    case 'ByteLevel':
      return (tokens) => {
        const out: string[] = [];
        let run: string[] = [];
        for (const token of tokens) {
          if (addedContents.has(token)) {
            if (run.length > 0) out.push(fromByteLevel(run.join('')));
            run = [];
            out.push(token);
          } else {
            run.push(token);
          }
        }
        if (run.length > 0) out.push(fromByteLevel(run.join('')));
        return out;
      };
    case 'WordPiece': {
      const prefix = typeof c.prefix === 'string' ? c.prefix : '';
      const cleanup = c.cleanup === true;
      return (tokens) =>
        tokens.map((token, i) => {
          if (i !== 0) token = prefix && token.startsWith(prefix) ? token.slice(prefix.length) : ` ${token}`;
          return cleanup ? cleanUpTokenization(token) : token;
        });
    }
    case 'Sequence': {
      if (!Array.isArray(c.decoders)) throw new UsageError(`${where}: decoder Sequence has no "decoders" list`);
      const steps = c.decoders.map((d) => createDecoder(d, addedContents, where)).filter((d): d is DecodeChain => d !== null);
      return (tokens) => steps.reduce((t, step) => step(t), tokens);
    }
    default:
      throw new UsageError(
        `${where}: decoder type ${JSON.stringify(c.type)} is not supported by lmkg's tokenizer (supported: ByteLevel, WordPiece, Sequence)`,
      );
  }
}
