/**
 * @file A seeded, realistic sample ReportData for tests and benchmarks (lmkg/internal; not part of
 * the public API): Google-RE place-of-birth
 * style facts (people -> places, popular places shared by many people), a timeline of snapshots in
 * which facts are acquired and forgotten, predicted vs gold graphs per snapshot x extractor with
 * sentences and top-k predictions, POS views and summary rows computed from the same draws.
 * With `xss`, hostile strings appear as a prediction, a node label, a relation, a model name, a
 * subject, the title and a run argument.
 */
import { SeededRandom } from '../random.js';
import type {
  EdgeStatus, FactStatus, GraphView, PosView, QueryView, ReportData, SummaryRow, TimelineView,
} from './types.js';

export const XSS = '<img src=x onerror=alert(1)>';
/** A second hostile string: markup, an ampersand, quotes and a script end tag. */
export const XSS_SUBJECT = '<b>Bold</b> & "Quoted" </script><script>alert(2)</script>';

export interface ReportDataOptions {
  seed?: number;
  /** About how many nodes each graph has (people + places). */
  nodes?: number;
  /** Snapshot (epoch) names; the last one is replaced by XSS when `xss` is set. */
  snapshots?: number;
  extractors?: string[];
  dataset?: string;
  xss?: boolean;
  /** Top-k size of the predictions. */
  k?: number;
}

const SYLLABLES = ['ka', 'ren', 'mo', 'li', 'sa', 'ther', 'vin', 'da', 'lo', 'mar', 'ten', 'is', 'bel', 'or', 'an', 'ute', 'gra', 'fel'];
const PLACE_SUFFIX = ['', 'burg', 'ton', 'ville', 'field', 'port', 'stad', 'holm'];
const RELATIONS: Record<string, string[]> = {
  svo: ['born in', 'was born in', 'native of'],
  'svo-plus': ['be bear in', 'bear in', 'come from'],
};
export const POS_TAGS = ['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADP', 'DET', 'NUM', 'PRON', 'ADV', 'AUX', 'CCONJ', 'SYM'];

interface Fact {
  person: number;
  gold: number;
  /** Predicted place per snapshot (index into places, or -1 for the XSS prediction). */
  predicted: number[];
  correct: boolean[];
  /** Second gold triple (lived in) for some people. */
  livedIn: number | null;
}

export function makeReportData(options: ReportDataOptions = {}): ReportData {
  const seed = options.seed ?? 7;
  const target = options.nodes ?? 200;
  const snapshotCount = options.snapshots ?? 3;
  const extractors = options.extractors ?? ['svo', 'svo-plus'];
  const dataset = options.dataset ?? 're-place-birth';
  const xss = options.xss ?? false;
  const k = options.k ?? 5;
  const random = new SeededRandom(seed);

  const peopleCount = Math.max(3, Math.round(target * 0.6));
  const placeCount = Math.max(3, target - peopleCount);
  const people = uniqueNames(random, peopleCount, (r) => `${name(r, 2)} ${name(r, 3)}`);
  const places = uniqueNames(random, placeCount, (r) => `${name(r, 2)}${PLACE_SUFFIX[r.int(PLACE_SUFFIX.length)]}`);
  if (xss) people[2] = XSS_SUBJECT;
  const models = Array.from({ length: snapshotCount }, (_, s) => `epoch-${s}`);
  if (xss) models[snapshotCount - 1] = XSS;

  // popular places are shared by many people (a skewed draw), as in Google-RE
  const drawPlace = (): number => Math.min(placeCount - 1, Math.floor(placeCount * random.next() ** 2));
  const facts: Fact[] = [];
  for (let person = 0; person < peopleCount; person += 1) {
    const gold = person < placeCount ? person : drawPlace(); // every place is someone's gold
    const correct: boolean[] = [];
    const predicted: number[] = [];
    for (let s = 0; s < snapshotCount; s += 1) {
      const before = s > 0 && correct[s - 1]!;
      const p = before ? 0.85 : 0.15 + (0.5 * s) / Math.max(1, snapshotCount - 1);
      let ok = random.next() < p;
      if (xss && person === 0) ok = s === snapshotCount - 1;
      correct.push(ok);
      let wrong = drawPlace();
      if (wrong === gold) wrong = (gold + 1) % placeCount;
      predicted.push(ok ? gold : xss && person === 0 && s === 1 ? -1 : wrong);
    }
    facts.push({ person, gold, predicted, correct, livedIn: random.next() < 0.1 ? drawPlace() : null });
  }

  const placeLabel = (place: number): string => (place === -1 ? XSS : places[place]!);
  const graphs: GraphView[] = [];
  const summary: SummaryRow[] = [];
  const pos: PosView[] = [];
  const goldPos = distribution(random, POS_TAGS.length);
  goldPos[POS_TAGS.length - 1] = 0; // SYM never in gold: its spider value is null
  for (let s = 0; s < snapshotCount; s += 1) {
    for (const extractor of extractors) {
      const relations = RELATIONS[extractor] ?? ['related to'];
      const view = graphView(dataset, models[s]!, extractor);
      const counts = { both: 0, missed: 0, new: 0 };
      let reciprocalRanks = 0;
      let inTopK = 0;
      for (const fact of facts) {
        const person = people[fact.person]!;
        const queryId = `${dataset}:${fact.person}#0`;
        const top = topK(random, k, fact.gold, fact.predicted[s]!, placeCount);
        view.queries[queryId] = query(person, placeLabel(fact.predicted[s]!), places[fact.gold]!, top.map((p) => ({ word: placeLabel(p.place), prob: p.prob })));
        const rank = top.findIndex((p) => p.place === fact.gold);
        if (rank >= 0) {
          inTopK += 1;
          reciprocalRanks += 1 / (rank + 1);
        }
        let relation = relations[fact.person % relations.length]!;
        if (xss && fact.person === 1) relation = XSS;
        const add = (target: string, status: EdgeStatus, rel: string): void => {
          addEdge(view, person, target, rel, status, queryId);
          counts[status] += 1;
        };
        if (fact.correct[s]) add(places[fact.gold]!, 'both', relation);
        else {
          add(places[fact.gold]!, 'missed', relation);
          add(placeLabel(fact.predicted[s]!), 'new', relation);
        }
        if (fact.livedIn !== null) add(places[fact.livedIn]!, fact.correct[s] ? 'both' : 'missed', 'lived in');
      }
      graphs.push(view);
      const p1 = facts.filter((f) => f.correct[s]).length / facts.length;
      const precision = counts.both / (counts.both + counts.new);
      const recall = counts.both / (counts.both + counts.missed);
      const f1 = (2 * precision * recall) / (precision + recall);
      const spider = posView(dataset, models[s]!, extractor, goldPos, random, 0.6 / (s + 1));
      pos.push(spider);
      summary.push({
        dataset, model: models[s]!, extractor, facts: facts.length, k,
        p1, pk: inTopK / facts.length, mrr: reciprocalRanks / facts.length,
        factP: precision, factR: recall, factF1: f1, slotCoverage: 0.8, allTripleF1: Math.min(1, f1 + 0.4), graph: 'fact',
        tripleP: precision, tripleR: recall, tripleF1: f1,
        nodes: view.nodes.length, edges: view.edges.length,
        aed: view.nodes.length <= 300 ? Math.round(random.next() * 400) : null,
        hed: Math.round(random.next() * 1000) / 7,
        featherCosine: random.next(), featherEuclidean: random.next() * 3,
        posOverlap: spider.overlap,
        ci: {
          p1: interval(p1, random), tripleP: interval(precision, random), tripleR: interval(recall, random),
          tripleF1: interval(f1, random), posOverlap: interval(spider.overlap, random), factF1: interval(f1, random),
        },
        chance: { factF1: { mean: 0.02, low: 0.01, high: 0.04, p: 1 / 40, replicates: 39 } },
      });
    }
  }

  const timeline = timelineView(dataset, models, facts, people, places, extractors, summary, placeLabel);
  return {
    title: xss ? `Place of birth over training ${XSS}` : 'Place of birth over training',
    createdAt: '2025-01-02T03:04:05.000Z',
    lmkgVersion: '0.1.0',
    run: {
      args: { models: models.join(','), datasets: dataset, extractors: extractors.join(','), out: '/tmp/run', limit: target, ...(xss ? { note: XSS } : {}) },
      models, datasets: [dataset], extractors, timeline: true,
    },
    summary, graphs, timelines: [timeline], pos,
  };
}

function graphView(dataset: string, model: string, extractor: string): GraphView & { nodeIndex: Map<string, number> } {
  const view = { dataset, model, extractor, nodes: [], edges: [], queries: {}, nodeIndex: new Map<string, number>() };
  // the index is only for building; JSON.stringify drops a Map's entries but keep the object clean
  Object.defineProperty(view, 'nodeIndex', { enumerable: false });
  return view;
}

function addEdge(view: GraphView, subject: string, object: string, relation: string, status: EdgeStatus, queryId: string): void {
  const index = (view as GraphView & { nodeIndex: Map<string, number> }).nodeIndex;
  const source = nodeKey(subject);
  const target = nodeKey(object);
  for (const [id, label] of [[source, subject], [target, object]] as const) {
    if (!index.has(id)) {
      index.set(id, view.nodes.length);
      view.nodes.push({ id, label });
    }
  }
  view.edges.push({ source, target, relation, status, queryIds: [queryId] });
}

export function nodeKey(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ').trim();
}

function query(person: string, predicted: string, gold: string, predictions: QueryView['predictions']): QueryView {
  return {
    maskedSentence: `${person} was born in [MASK] .`,
    predictedSentence: `${person} was born in ${predicted} .`,
    goldSentence: `${person} was born in ${gold} .`,
    gold,
    predictions,
  };
}

/** Top-k places: the prediction first, the gold somewhere below it (or absent) when wrong. */
function topK(random: SeededRandom, k: number, gold: number, predicted: number, placeCount: number): Array<{ place: number; prob: number }> {
  const picked: number[] = [predicted];
  if (predicted !== gold && random.next() < 0.5) picked.push(gold);
  let guard = 0;
  while (picked.length < Math.min(k, placeCount) && guard < 1000) {
    guard += 1;
    const place = random.int(placeCount);
    if (!picked.includes(place)) picked.push(place);
  }
  let mass = 0.6 + 0.3 * random.next();
  return picked.map((place) => {
    const prob = mass;
    mass *= 0.4;
    return { place, prob };
  });
}

function posView(dataset: string, model: string, extractor: string, gold: number[], random: SeededRandom, noise: number): PosView {
  const predictedRaw = gold.map((g) => Math.max(0, g * (1 + noise * (random.next() * 2 - 1)) + (random.next() < 0.2 ? noise * 5 : 0)));
  const total = predictedRaw.reduce((a, b) => a + b, 0);
  const predicted = predictedRaw.map((p) => (100 * p) / total);
  const spider: Record<string, number | null> = {};
  const predictedRecord: Record<string, number> = {};
  const goldRecord: Record<string, number> = {};
  let overlap = 0;
  POS_TAGS.forEach((tag, i) => {
    predictedRecord[tag] = predicted[i]!;
    goldRecord[tag] = gold[i]!;
    spider[tag] = gold[i] === 0 ? null : Math.min(1, Math.max(0, (100 - Math.abs(predicted[i]! - gold[i]!)) / 100));
    overlap += Math.min(predicted[i]!, gold[i]!) / 100;
  });
  return { dataset, model, extractor, tags: [...POS_TAGS], predicted: predictedRecord, gold: goldRecord, spider, overlap };
}

function timelineView(
  dataset: string, snapshots: string[], facts: Fact[], people: string[], places: string[], extractors: string[],
  summary: SummaryRow[], placeLabel: (p: number) => string,
): TimelineView {
  const rows: TimelineView['facts'] = facts.map((fact) => {
    const first = fact.correct.indexOf(true);
    const last = fact.correct[fact.correct.length - 1]!;
    const status: FactStatus = first === -1 ? 'never' : last ? 'acquired' : 'forgotten';
    return {
      factId: `${dataset}:${fact.person}`,
      subject: people[fact.person]!,
      gold: places[fact.gold]!,
      firstCorrect: first === -1 ? null : first,
      status,
      correct: [...fact.correct],
      group: fact.person % 4 === 0 ? 'held-out' : 'seen',
      predicted: fact.predicted.map(placeLabel),
    };
  });
  const counts = snapshots.map((snapshot, s) => {
    let acquired = 0;
    let forgotten = 0;
    let never = 0;
    let correct = 0;
    for (const fact of facts) {
      const first = fact.correct.indexOf(true);
      if (fact.correct[s]) correct += 1;
      if (first === -1 || first > s) never += 1;
      else if (fact.correct[s]) acquired += 1;
      else forgotten += 1;
    }
    return { snapshot, acquired, forgotten, never, correct };
  });
  const metrics: TimelineView['metrics'] = [];
  for (const snapshot of snapshots) {
    for (const extractor of extractors) {
      const row = summary.find((r) => r.model === snapshot && r.extractor === extractor)!;
      metrics.push({ snapshot, extractor, values: { p1: row.p1, mrr: row.mrr, tripleF1: row.tripleF1, hed: row.hed } });
    }
  }
  return { dataset, snapshots: [...snapshots], facts: rows, counts, metrics };
}

function uniqueNames(random: SeededRandom, count: number, make: (r: SeededRandom) => string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  while (names.length < count) {
    let candidate = make(random);
    if (seen.has(nodeKey(candidate))) candidate = `${candidate} ${names.length}`;
    seen.add(nodeKey(candidate));
    names.push(candidate);
  }
  return names;
}

function name(random: SeededRandom, syllables: number): string {
  let word = '';
  for (let i = 0; i < syllables; i += 1) word += SYLLABLES[random.int(SYLLABLES.length)];
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function distribution(random: SeededRandom, n: number): number[] {
  const raw = Array.from({ length: n }, (_, i) => (random.next() + 0.1) / (i + 1));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((r) => (100 * r) / total);
}

function interval(value: number, random: SeededRandom): [number, number] {
  const half = 0.01 + 0.04 * random.next();
  return [Math.max(0, value - half), Math.min(1, value + half)];
}
