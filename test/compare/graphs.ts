/** @file Small graphs for the compare tests. */
import { compactGraphFromTriples, type CompactGraph } from '../../src/compare/compact-graph.js';

/** A directed cycle a -> b -> ... -> f -> a with relation r. */
export function sixCycle(): CompactGraph {
  const names = ['a', 'b', 'c', 'd', 'e', 'f'];
  return compactGraphFromTriples(names.map((name, i) => [name, 'r', names[(i + 1) % 6]!] as const));
}

/** Two directed triangles a -> b -> c -> a and d -> e -> f -> d with relation r. */
export function twoTriangles(): CompactGraph {
  return compactGraphFromTriples([
    ['a', 'r', 'b'], ['b', 'r', 'c'], ['c', 'r', 'a'],
    ['d', 'r', 'e'], ['e', 'r', 'f'], ['f', 'r', 'd'],
  ]);
}

/**
 * A random graph: `nodes` nodes named from a pool of `labels` names (so two graphs share some
 * names), `edges` edges with relations from `relations` names, self-loops and parallel edges allowed.
 */
export function randomGraph(random: () => number, nodes: number, edges: number, labels = 8, relations = 2): CompactGraph {
  const names: string[] = [];
  const pool = Array.from({ length: Math.max(labels, nodes) }, (_, i) => `n${i}`);
  for (let i = 0; i < nodes; i++) {
    const k = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[k]] = [pool[k]!, pool[i]!];
    names.push(pool[i]!);
  }
  const triples: Array<[string, string, string]> = [];
  for (let e = 0; e < edges && nodes > 0; e++) {
    triples.push([names[Math.floor(random() * nodes)]!, `r${Math.floor(random() * relations)}`, names[Math.floor(random() * nodes)]!]);
  }
  return compactGraphFromTriples(triples, names);
}
