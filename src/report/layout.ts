/**
 * @file A deterministic graph layout fast enough for 10,000-node graphs in a browser.
 *
 * 1. Connected components (undirected).
 * 2. Each component gets a radial-tree placement: a BFS tree from its highest-degree node, each
 *    subtree given an angular wedge in proportion to its leaves, depth d on a ring whose radius
 *    leaves at least `nodeSpacing` between the nodes on it (so a star of 500 spokes stays readable).
 * 3. Fruchterman-Reingold force iterations refine it, started from the radial placement: exact
 *    (O(n^2) per iteration) for components of at most `forceMaxNodes` nodes, Barnes-Hut (a quadtree,
 *    O(n log n) per iteration) for larger ones. Budgets of pair / cell evaluations bound the total
 *    work whatever the component sizes (components past them keep the radial placement).
 * 4. Components are packed in shelves, largest first.
 *
 * No randomness: the node ids are sorted first, so the same node and edge sets always give the same
 * positions whatever their order. The report lays out the union of all snapshots of a dataset x
 * extractor once, so a node keeps its place when the timeline slider switches snapshots.
 * Pure code: used by the browser app (bundled) and by Node (tests, benchmark).
 */
import { InvalidOptionError } from '../errors.js';
import { LAYOUT_DEFAULTS } from './defaults.js';
import { barnesHutRefine } from './layout-barnes-hut.js';
import { attractAndMove, componentPositions, writePositions } from './layout-forces.js';

export type LayoutOptions = Partial<{ -readonly [K in keyof typeof LAYOUT_DEFAULTS]: number }>;

export interface GraphLayout {
  /** Node ids in sorted order; x[i], y[i] is the position of ids[i]. */
  ids: string[];
  x: Float64Array;
  y: Float64Array;
  /** Index of each id in `ids`. */
  index: Map<string, number>;
  components: number;
  /** Components refined by force iterations. */
  forcedComponents: number;
}

export function computeLayout(
  nodeIds: Iterable<string>,
  edges: Iterable<readonly [string, string]>,
  options: LayoutOptions = {},
): GraphLayout {
  const settings = { ...LAYOUT_DEFAULTS, ...options };
  const ids = Array.from(new Set(nodeIds)).sort();
  const n = ids.length;
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const adjacency = buildAdjacency(n, index, edges);
  const x = new Float64Array(n);
  const y = new Float64Array(n);

  const component = new Int32Array(n).fill(-1);
  const placed: PlacedComponent[] = [];
  let budget = settings.forceBudget;
  let largeBudget = settings.largeBudget;
  let forcedComponents = 0;
  const queue = new Int32Array(n);
  for (let start = 0; start < n; start += 1) {
    if (component[start] !== -1) continue;
    // BFS collects the component
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    component[start] = placed.length;
    while (head < tail) {
      const v = queue[head++]!;
      for (let e = adjacency.offsets[v]!; e < adjacency.offsets[v + 1]!; e += 1) {
        const w = adjacency.targets[e]!;
        if (component[w] === -1) {
          component[w] = placed.length;
          queue[tail++] = w;
        }
      }
    }
    const members = Int32Array.from(queue.subarray(0, tail));
    radialTree(members, adjacency, x, y, settings.nodeSpacing);
    if (members.length >= 3 && members.length <= settings.forceMaxNodes) {
      const cost = members.length * members.length * settings.forceIterations;
      if (cost <= budget) {
        budget -= cost;
        forcedComponents += 1;
        forceRefine(members, adjacency, x, y, settings.nodeSpacing, settings.forceIterations);
      }
    } else if (members.length > settings.forceMaxNodes) {
      // Barnes-Hut: about n log2(n) cell visits per iteration
      const perIteration = members.length * Math.log2(members.length) * 4;
      const iterations = Math.min(settings.largeIterations, Math.floor(largeBudget / perIteration));
      if (iterations >= 5) {
        largeBudget -= iterations * perIteration;
        forcedComponents += 1;
        barnesHutRefine(members, adjacency, x, y, settings.nodeSpacing, iterations);
      }
    }
    placed.push(centre(members, x, y, settings.nodeSpacing));
  }
  pack(placed, x, y, settings.componentGap);
  return { ids, x, y, index, components: placed.length, forcedComponents };
}

export interface Adjacency {
  offsets: Int32Array;
  targets: Int32Array;
}

/** Undirected CSR adjacency without self loops; each neighbour list sorted (order independence). */
function buildAdjacency(n: number, index: Map<string, number>, edges: Iterable<readonly [string, string]>): Adjacency {
  const sources: number[] = [];
  const targets: number[] = [];
  for (const [source, target] of edges) {
    const s = index.get(source);
    const t = index.get(target);
    if (s === undefined || t === undefined) {
      const missing = s === undefined ? source : target;
      throw new InvalidOptionError(`computeLayout: edge ${JSON.stringify(source)} -> ${JSON.stringify(target)} names node ${JSON.stringify(missing)}, which is not among the nodes; pass every edge endpoint as a node`);
    }
    if (s === t) continue;
    sources.push(s);
    targets.push(t);
  }
  const degree = new Int32Array(n + 1);
  for (let i = 0; i < sources.length; i += 1) {
    degree[sources[i]!]! += 1;
    degree[targets[i]!]! += 1;
  }
  const offsets = new Int32Array(n + 1);
  for (let v = 0; v < n; v += 1) offsets[v + 1] = offsets[v]! + degree[v]!;
  const fill = Int32Array.from(offsets.subarray(0, n));
  const list = new Int32Array(offsets[n]!);
  for (let i = 0; i < sources.length; i += 1) {
    list[fill[sources[i]!]!++] = targets[i]!;
    list[fill[targets[i]!]!++] = sources[i]!;
  }
  for (let v = 0; v < n; v += 1) list.subarray(offsets[v]!, offsets[v + 1]!).sort();
  return { offsets, targets: list };
}

function radialTree(members: Int32Array, adjacency: Adjacency, x: Float64Array, y: Float64Array, spacing: number): void {
  const size = members.length;
  if (size === 1) {
    x[members[0]!] = 0;
    y[members[0]!] = 0;
    return;
  }
  const { offsets, targets } = adjacency;
  let root = members[0]!;
  for (const v of members) {
    const degree = offsets[v + 1]! - offsets[v]!;
    const best = offsets[root + 1]! - offsets[root]!;
    if (degree > best || (degree === best && v < root)) root = v;
  }
  // BFS tree from the root; local arrays indexed by position in `order`
  const local = new Map<number, number>();
  const order = new Int32Array(size);
  const parent = new Int32Array(size).fill(-1);
  const depth = new Int32Array(size);
  order[0] = root;
  local.set(root, 0);
  let tail = 1;
  for (let head = 0; head < tail; head += 1) {
    const v = order[head]!;
    for (let e = offsets[v]!; e < offsets[v + 1]!; e += 1) {
      const w = targets[e]!;
      if (local.has(w)) continue;
      local.set(w, tail);
      parent[tail] = head;
      depth[tail] = depth[head]! + 1;
      order[tail++] = w;
    }
  }
  // leaves under each tree node, bottom-up
  const leaves = new Float64Array(size);
  const childCount = new Int32Array(size);
  for (let i = 1; i < size; i += 1) childCount[parent[i]!]! += 1;
  for (let i = size - 1; i >= 0; i -= 1) {
    if (childCount[i] === 0) leaves[i] = 1;
    if (i > 0) leaves[parent[i]!]! += leaves[i]!;
  }
  // ring radii: each ring at least one spacing out and wide enough for the nodes on it
  const maxDepth = depth[size - 1]!;
  const perRing = new Int32Array(maxDepth + 1);
  for (let i = 0; i < size; i += 1) perRing[depth[i]!]! += 1;
  const ring = new Float64Array(maxDepth + 1);
  for (let d = 1; d <= maxDepth; d += 1) {
    ring[d] = Math.max(ring[d - 1]! + spacing * 1.5, (perRing[d]! * spacing) / (2 * Math.PI));
  }
  // wedges: children split their parent's wedge in BFS order, in proportion to their leaves
  const wedgeStart = new Float64Array(size);
  const wedgeSize = new Float64Array(size);
  const cursor = new Float64Array(size);
  wedgeSize[0] = 2 * Math.PI;
  for (let i = 0; i < size; i += 1) {
    if (i > 0) {
      const p = parent[i]!;
      wedgeStart[i] = wedgeStart[p]! + cursor[p]!;
      wedgeSize[i] = (wedgeSize[p]! * leaves[i]!) / (leaves[p]! || 1);
      cursor[p]! += wedgeSize[i]!;
    }
    const angle = wedgeStart[i]! + wedgeSize[i]! / 2;
    const r = ring[depth[i]!]!;
    x[order[i]!] = r * Math.cos(angle);
    y[order[i]!] = r * Math.sin(angle);
  }
}

/** Fruchterman-Reingold with linear cooling, from the current positions. */
function forceRefine(members: Int32Array, adjacency: Adjacency, x: Float64Array, y: Float64Array, spacing: number, iterations: number): void {
  const { size, px, py, edgeA, edgeB } = componentPositions(members, adjacency, x, y);
  const k = spacing * 2;
  const k2 = k * k;
  const dx = new Float64Array(size);
  const dy = new Float64Array(size);
  let extent = 0;
  for (let i = 0; i < size; i += 1) extent = Math.max(extent, Math.abs(px[i]!), Math.abs(py[i]!));
  const startTemperature = Math.max(spacing, extent / 8);
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < size; i += 1) {
      for (let j = i + 1; j < size; j += 1) {
        const ddx = px[i]! - px[j]!;
        const ddy = py[i]! - py[j]!;
        const d2 = Math.max(ddx * ddx + ddy * ddy, 1e-4);
        const f = k2 / d2;
        dx[i]! += ddx * f;
        dy[i]! += ddy * f;
        dx[j]! -= ddx * f;
        dy[j]! -= ddy * f;
      }
    }
    attractAndMove({ px, py, dx, dy, edgeA, edgeB, k, size }, startTemperature * (1 - iteration / iterations));
  }
  writePositions(members, px, py, x, y);
}

interface PlacedComponent {
  members: Int32Array;
  radius: number;
  first: number;
}

/** Moves a component's bounding-box centre to the origin and returns its radius. */
function centre(members: Int32Array, x: Float64Array, y: Float64Array, spacing: number): PlacedComponent {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const v of members) {
    minX = Math.min(minX, x[v]!);
    maxX = Math.max(maxX, x[v]!);
    minY = Math.min(minY, y[v]!);
    maxY = Math.max(maxY, y[v]!);
  }
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  let radius = 0;
  for (const v of members) {
    x[v]! -= cx;
    y[v]! -= cy;
    radius = Math.max(radius, Math.hypot(x[v]!, y[v]!));
  }
  return { members, radius: radius + spacing / 2, first: members[0]! };
}

/** Shelf packing of the components' bounding squares, largest first, rows about as wide as the total is tall. */
function pack(placed: PlacedComponent[], x: Float64Array, y: Float64Array, gap: number): void {
  const sorted = [...placed].sort((a, b) => b.radius - a.radius || a.first - b.first);
  let area = 0;
  for (const c of sorted) area += (2 * c.radius + gap) ** 2;
  const rowWidth = Math.max(2 * (sorted[0]?.radius ?? 0) + gap, Math.sqrt(area));
  let cursorX = 0;
  let cursorY = 0;
  let rowHeight = 0;
  for (const c of sorted) {
    const diameter = 2 * c.radius + gap;
    if (cursorX > 0 && cursorX + diameter > rowWidth) {
      cursorX = 0;
      cursorY += rowHeight;
      rowHeight = 0;
    }
    const cx = cursorX + diameter / 2;
    const cy = cursorY + diameter / 2;
    for (const v of c.members) {
      x[v]! += cx;
      // graph y grows upwards in sigma; negate so the largest component sits top-left
      y[v] = -(y[v]! + cy);
    }
    cursorX += diameter;
    rowHeight = Math.max(rowHeight, diameter);
  }
}
