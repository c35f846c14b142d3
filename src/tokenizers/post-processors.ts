/**
 * @file Post-processors of a `tokenizer.json` reduced to what a single sequence needs: the special
 * tokens that go before and after it (`<s> A </s>`, `[CLS] A [SEP]`).
 */
import { UsageError } from '../errors.js';

/** The single-sequence template: token strings before and after the text's tokens. */
export interface SingleTemplate {
  readonly before: readonly string[];
  readonly after: readonly string[];
}

type Item = string | typeof SEQUENCE;
const SEQUENCE = Symbol('sequence A');

export function singleTemplate(config: unknown, where: string): SingleTemplate {
  let items: Item[] = [SEQUENCE];
  const apply = (processor: unknown): void => {
    if (processor === null || processor === undefined) return;
    const p = processor as { type?: unknown; cls?: unknown; sep?: unknown; single?: unknown; processors?: unknown };
    switch (p.type) {
      case 'RobertaProcessing':
      case 'BertProcessing':
        items = [pairToken(p.cls, 'cls', where), ...items, pairToken(p.sep, 'sep', where)];
        return;
      case 'TemplateProcessing': {
        if (!Array.isArray(p.single)) throw new UsageError(`${where}: TemplateProcessing has no "single" template`);
        const out: Item[] = [];
        for (const entry of p.single as Array<Record<string, { id?: unknown }>>) {
          if (entry.SpecialToken && typeof entry.SpecialToken.id === 'string') out.push(entry.SpecialToken.id);
          else if (entry.Sequence) out.push(...items);
        }
        items = out;
        return;
      }
      case 'ByteLevel':
        return;
      case 'Sequence':
        if (!Array.isArray(p.processors)) throw new UsageError(`${where}: post_processor Sequence has no "processors" list`);
        p.processors.forEach(apply);
        return;
      default:
        throw new UsageError(
          `${where}: post_processor type ${JSON.stringify(p.type)} is not supported by lmkg's tokenizer ` +
            '(supported: RobertaProcessing, BertProcessing, TemplateProcessing, ByteLevel, Sequence)',
        );
    }
  };
  apply(config);
  const at = items.indexOf(SEQUENCE);
  if (at < 0 || items.lastIndexOf(SEQUENCE) !== at) {
    throw new UsageError(`${where}: the post_processor's single-sequence template must hold the sequence exactly once`);
  }
  return { before: items.slice(0, at) as string[], after: items.slice(at + 1) as string[] };
}

function pairToken(value: unknown, field: string, where: string): string {
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  throw new UsageError(`${where}: post_processor field "${field}" must be [token, id]`);
}
