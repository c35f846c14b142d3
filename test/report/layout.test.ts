import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidOptionError } from '../../src/errors.js';
import { SeededRandom } from '../../src/random.js';
import { computeLayout, type GraphLayout } from '../../src/report/layout.js';

function position(layout: GraphLayout, id: string): [number, number] {
  const i = layout.index.get(id)!;
  return [layout.x[i]!, layout.y[i]!];
}

test('computeLayout: known answer for one edge (radial ring, centred, packed)', () => {
  const layout = computeLayout(['b', 'a'], [['b', 'a']]);
  // root a (ties go to the first id); b on ring 1 (radius 1.5) at angle pi; centred on the bbox,
  // component radius 0.75 + 0.5, packed with gap 2 into a cell of 4.5 centred at (2.25, 2.25), y flipped
  assert.deepEqual(layout.ids, ['a', 'b']);
  const [ax, ay] = position(layout, 'a');
  const [bx, by] = position(layout, 'b');
  assert.ok(Math.abs(ax - 3) < 1e-9 && Math.abs(ay + 2.25) < 1e-9, `a at ${ax}, ${ay}`);
  assert.ok(Math.abs(bx - 1.5) < 1e-9 && Math.abs(by + 2.25) < 1e-9, `b at ${bx}, ${by}`);
  assert.equal(layout.components, 1);
  assert.equal(layout.forcedComponents, 0);
});

test('computeLayout: a star without force keeps its spokes on one ring wide enough for them', () => {
  const leaves = Array.from({ length: 100 }, (_, i) => `leaf${String(i).padStart(3, '0')}`);
  const layout = computeLayout(['hub', ...leaves], leaves.map((leaf) => ['hub', leaf] as const), { forceMaxNodes: 0, largeIterations: 0 });
  const [hx, hy] = position(layout, 'hub');
  const ring = 100 / (2 * Math.PI); // 100 spokes, spacing 1
  for (const leaf of leaves) {
    const [x, y] = position(layout, leaf);
    assert.ok(Math.abs(Math.hypot(x - hx, y - hy) - ring) < 1e-9);
  }
});

test('computeLayout: deterministic whatever the input order, finite, components apart', () => {
  const random = new SeededRandom(3);
  const nodes = Array.from({ length: 400 }, (_, i) => `n${i}`);
  const edges: Array<[string, string]> = [];
  // 40 components of 10 nodes (trees plus a chord), and 600-node random component for Barnes-Hut
  for (let c = 0; c < 40; c += 1) {
    for (let i = 1; i < 10; i += 1) edges.push([`n${c * 10 + i}`, `n${c * 10 + random.int(i)}`]);
    edges.push([`n${c * 10}`, `n${c * 10 + 9}`]);
  }
  for (let i = 0; i < 600; i += 1) {
    nodes.push(`big${i}`);
    if (i > 0) edges.push([`big${i}`, `big${random.int(Math.min(i, 30))}`]);
  }
  const first = computeLayout(nodes, edges);
  const shuffledNodes = random.shuffle([...nodes]);
  const shuffledEdges = random.shuffle(edges.map(([a, b]) => (random.next() < 0.5 ? [b, a] : [a, b]) as [string, string]));
  const second = computeLayout(shuffledNodes, shuffledEdges);
  assert.deepEqual(second.ids, first.ids);
  assert.deepEqual(Array.from(second.x), Array.from(first.x));
  assert.deepEqual(Array.from(second.y), Array.from(first.y));
  assert.equal(first.components, 41);
  assert.equal(first.forcedComponents, 41, 'small components by exact force, the 600-node one by Barnes-Hut');
  for (let i = 0; i < first.ids.length; i += 1) assert.ok(Number.isFinite(first.x[i]!) && Number.isFinite(first.y[i]!));

  // bounding boxes of different components do not overlap
  const boxes = new Map<string, [number, number, number, number]>();
  const componentOf = (id: string): string => (id.startsWith('big') ? 'big' : String(Math.floor(Number(id.slice(1)) / 10)));
  for (const id of first.ids) {
    const [x, y] = position(first, id);
    const box = boxes.get(componentOf(id)) ?? [Infinity, Infinity, -Infinity, -Infinity];
    boxes.set(componentOf(id), [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)]);
  }
  const list = [...boxes.values()];
  for (let a = 0; a < list.length; a += 1) {
    for (let b = a + 1; b < list.length; b += 1) {
      const [ax0, ay0, ax1, ay1] = list[a]!;
      const [bx0, by0, bx1, by1] = list[b]!;
      assert.ok(ax1 < bx0 || bx1 < ax0 || ay1 < by0 || by1 < ay0, `components ${a} and ${b} overlap`);
    }
  }
});

test('computeLayout: force refinement spreads a dense component (no two nodes on top of each other)', () => {
  const nodes = Array.from({ length: 30 }, (_, i) => `v${i}`);
  const edges: Array<[string, string]> = [];
  for (let i = 0; i < 30; i += 1) for (let j = i + 1; j < 30; j += 3) edges.push([`v${i}`, `v${j}`]);
  const layout = computeLayout(nodes, edges);
  assert.equal(layout.forcedComponents, 1);
  let closest = Infinity;
  for (let i = 0; i < 30; i += 1) {
    for (let j = i + 1; j < 30; j += 1) closest = Math.min(closest, Math.hypot(layout.x[i]! - layout.x[j]!, layout.y[i]! - layout.y[j]!));
  }
  assert.ok(closest > 0.3, `closest pair ${closest}`);
});

test('computeLayout: an edge naming an unknown node is an InvalidOptionError', () => {
  assert.throws(() => computeLayout(['a'], [['a', 'ghost']]), (error: unknown) => error instanceof InvalidOptionError && /"ghost"/.test(error.message));
});

test('computeLayout: empty graph', () => {
  const layout = computeLayout([], []);
  assert.equal(layout.ids.length, 0);
  assert.equal(layout.components, 0);
});
