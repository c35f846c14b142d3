/**
 * @file Entity spans of a tagged text: wink's entities (dates, times, numbers, money, percentages,
 * URLs, e-mail addresses, ...) plus maximal runs of proper nouns (PROPN) that do not overlap
 * them (a token is a proper noun when wink says so, or the parser's lexical tagger, when given).
 * Two repairs for wink's tagger: a capitalised NOUN or ADJ next to a proper noun, and not
 * first in its sentence, joins the run ("New/NOUN York/PROPN"); a name particle (van, von, de, da,
 * di, du, del, der, den, la, le, al, bin, ibn) between two run words joins them ("Ludwig van
 * Beethoven"). Runs stop at sentence boundaries; "of" does not join ("University of Toronto" is
 * two spans).
 * Where asked, `compromise` types a proper-noun run as PERSON, PLACE or ORGANIZATION (else
 * OTHER). It is about 25 times slower than wink, so it reads only the span's own text, only when
 * the span's `type` is first read (a lazy, enumerable property: code that never looks at types
 * never pays for them), and results are cached by text.
 */
import { createRequire } from 'node:module';
import type { EntitySpan, EntityType } from './types.js';
import type { WinkAnalysis } from './wink.js';

const PARTICLES = new Set(['van', 'von', 'de', 'da', 'di', 'du', 'del', 'der', 'den', 'la', 'le', 'al', 'bin', 'ibn']);

const WINK_TYPES: Readonly<Record<string, EntityType>> = Object.freeze({
  DATE: 'DATE', TIME: 'DATE', DURATION: 'NUMBER',
  CARDINAL: 'NUMBER', ORDINAL: 'NUMBER', MONEY: 'NUMBER', PERCENT: 'NUMBER',
});

export interface EntityOptions {
  /** Type proper-noun runs with compromise (default true); false types them OTHER. */
  typeNames: boolean;
  /**
   * Tokens another tagger also takes for proper nouns (1 = yes), e.g. the parser's lexical tagger,
   * which reads "Ford" in "John Ford" as PROPN where wink says VERB. Either tagger suffices.
   */
  properNouns?: Uint8Array;
}

/** Entity spans over the tokens of `analysis`, in token order; `text` is the analysed text. */
export function findEntities(analysis: WinkAnalysis, text: string, options: EntityOptions): EntitySpan[] {
  const { tokens } = analysis;
  const spans: EntitySpan[] = [];
  const covered = new Uint8Array(tokens.length);
  for (const entity of analysis.entities) {
    for (let i = entity.start; i < entity.end; i += 1) covered[i] = 1;
    spans.push(span(analysis, text, entity.start, entity.end, WINK_TYPES[entity.type] ?? 'OTHER'));
  }
  const member = (k: number) => covered[k] === 0 && (tokens[k]!.upos === 'PROPN' || options.properNouns?.[k] === 1);
  // Capitalised nouns and adjectives inside a sentence that touch a proper noun (tagger slips).
  const capitalised = (k: number) => {
    const token = tokens[k]!;
    if (covered[k] === 1 || (token.upos !== 'NOUN' && token.upos !== 'ADJ') || !/^\p{Lu}/u.test(token.text)) return false;
    return k > 0 && tokens[k - 1]!.sentence === token.sentence;
  };
  const inRun = (k: number) => member(k) || capitalised(k);
  let i = 0;
  while (i < tokens.length) {
    if (!inRun(i)) {
      i += 1;
      continue;
    }
    const sentence = tokens[i]!.sentence;
    let end = i + 1;
    for (;;) {
      if (end < tokens.length && tokens[end]!.sentence === sentence && inRun(end)) {
        end += 1;
        continue;
      }
      if (end + 1 < tokens.length && PARTICLES.has(tokens[end]!.text.toLowerCase()) && covered[end] === 0
        && tokens[end + 1]!.sentence === sentence && inRun(end + 1)) {
        end += 2;
        continue;
      }
      break;
    }
    let hasProperNoun = false;
    for (let k = i; k < end; k += 1) if (member(k)) hasProperNoun = true;
    if (hasProperNoun) {
      const found = span(analysis, text, i, end, 'OTHER');
      spans.push(options.typeNames ? typedLazily(found) : found);
    }
    i = end;
  }
  return spans.sort((a, b) => a.start - b.start);
}

function span(analysis: WinkAnalysis, text: string, start: number, end: number, type: EntityType): EntitySpan {
  const { tokens } = analysis;
  return { start, end, text: text.slice(tokens[start]!.start, tokens[end - 1]!.end), type };
}

/** Makes `span.type` a property computed by `nameType` on first read. */
function typedLazily(span: EntitySpan): EntitySpan {
  let type: EntityType | undefined;
  return Object.defineProperty(span, 'type', {
    enumerable: true,
    configurable: true,
    get: () => (type ??= nameType(span.text)),
    set: (value: EntityType) => {
      type = value;
    },
  });
}

/** A copy of `span` over token range [start, end), keeping a lazy type lazy. */
export function moveSpan(span: EntitySpan, start: number, end: number): EntitySpan {
  const descriptor = Object.getOwnPropertyDescriptor(span, 'type');
  const copy = { start, end, text: span.text } as EntitySpan;
  if (descriptor?.get) return Object.defineProperty(copy, 'type', descriptor);
  copy.type = span.type;
  return copy;
}

type Compromise = (text: string) => { docs: Array<Array<{ tags: Set<string> }>> };
let compromise: Compromise | undefined;
const typeCache = new Map<string, EntityType>();
const TYPE_CACHE_LIMIT = 100_000;

/** PERSON, PLACE, ORGANIZATION or OTHER, as compromise reads the name on its own. */
export function nameType(name: string): EntityType {
  const cached = typeCache.get(name);
  if (cached) return cached;
  // compromise/two (its tagger, no chunking plugins) gives the same term tags as the full build, faster.
  if (!compromise) compromise = createRequire(import.meta.url)('compromise/two') as Compromise;
  const tags = new Set<string>();
  for (const sentence of compromise(name).docs) for (const term of sentence) for (const tag of term.tags) tags.add(tag);
  const type: EntityType = tags.has('Person') ? 'PERSON' : tags.has('Place') ? 'PLACE' : tags.has('Organization') ? 'ORGANIZATION' : 'OTHER';
  if (typeCache.size >= TYPE_CACHE_LIMIT) typeCache.clear();
  typeCache.set(name, type);
  return type;
}
