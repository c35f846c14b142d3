/**
 * @file Force refinement for large components (part of computeLayout, layout.ts): Fruchterman-
 * Reingold whose repulsion is approximated with a Barnes-Hut quadtree (Barnes & Hut, Nature 1986),
 * so an iteration costs O(n log n) instead of O(n^2).
 */
import type { Adjacency } from './layout.js';
import { attractAndMove, componentPositions, writePositions } from './layout-forces.js';

/**
 * Fruchterman-Reingold for large components with Barnes-Hut repulsion (a quadtree rebuilt each
 * iteration; a cell is taken as one body when size / distance < theta), from the current positions.
 */
export function barnesHutRefine(members: Int32Array, adjacency: Adjacency, x: Float64Array, y: Float64Array, spacing: number, iterations: number): void {
  const { size, px, py, edgeA, edgeB } = componentPositions(members, adjacency, x, y);
  const k = spacing * 2;
  const k2 = k * k;
  const theta2 = 1.2 * 1.2;
  const tree = new QuadTree(size);
  const dx = new Float64Array(size);
  const dy = new Float64Array(size);
  const stack = new Int32Array(4 * 64 + 8);
  // shrink the radial placement to about the size force equilibrium gives (area ~ n k^2), so a few
  // iterations suffice; the radial rings of a big star are far wider than that
  let extent = 0;
  for (let i = 0; i < size; i += 1) extent = Math.max(extent, Math.hypot(px[i]!, py[i]!));
  const target = k * Math.sqrt(size);
  if (extent > target) {
    const scale = target / extent;
    for (let i = 0; i < size; i += 1) {
      px[i]! *= scale;
      py[i]! *= scale;
    }
    extent = target;
  }
  const startTemperature = Math.max(spacing, extent / 5);
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    tree.build(px, py);
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < size; i += 1) {
      const xi = px[i]!;
      const yi = py[i]!;
      let top = 0;
      stack[top++] = 0;
      while (top > 0) {
        const cell = stack[--top]!;
        const mass = tree.mass[cell]!;
        if (mass === 0) continue;
        const body = tree.body[cell]!;
        if (body === i && mass === 1) continue;
        const ddx = xi - tree.massX[cell]! / mass;
        const ddy = yi - tree.massY[cell]! / mass;
        const d2 = Math.max(ddx * ddx + ddy * ddy, 1e-4);
        const cellSize = tree.size[cell]!;
        if (body >= 0 || cellSize * cellSize < theta2 * d2) {
          // a leaf holding i with coincident others counts only the others
          const f = (k2 * (body === i ? mass - 1 : mass)) / d2;
          dx[i]! += ddx * f;
          dy[i]! += ddy * f;
        } else {
          const child = tree.child[cell]!;
          for (let c = 0; c < 4; c += 1) stack[top++] = child + c;
        }
      }
    }
    attractAndMove({ px, py, dx, dy, edgeA, edgeB, k, size }, startTemperature * (1 - iteration / iterations));
  }
  writePositions(members, px, py, x, y);
}

/** A point quadtree in flat arrays: cell 0 is the root, children of a cell are 4 consecutive cells. */
class QuadTree {
  mass: Float64Array;
  massX: Float64Array;
  massY: Float64Array;
  minX: Float64Array;
  minY: Float64Array;
  size: Float64Array;
  /** Body index in a leaf, -1 for an empty leaf, -2 for an internal cell. */
  body: Int32Array;
  child: Int32Array;
  depth: Int32Array;
  cells = 0;

  constructor(points: number) {
    const capacity = 4 * points + 16;
    this.mass = new Float64Array(capacity);
    this.massX = new Float64Array(capacity);
    this.massY = new Float64Array(capacity);
    this.minX = new Float64Array(capacity);
    this.minY = new Float64Array(capacity);
    this.size = new Float64Array(capacity);
    this.body = new Int32Array(capacity);
    this.child = new Int32Array(capacity);
    this.depth = new Int32Array(capacity);
  }

  build(px: Float64Array, py: Float64Array): void {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < px.length; i += 1) {
      minX = Math.min(minX, px[i]!);
      maxX = Math.max(maxX, px[i]!);
      minY = Math.min(minY, py[i]!);
      maxY = Math.max(maxY, py[i]!);
    }
    this.cells = 0;
    this.newCell(minX, minY, Math.max(maxX - minX, maxY - minY, 1e-6) * 1.0001, 0);
    for (let i = 0; i < px.length; i += 1) this.insert(i, px[i]!, py[i]!, px, py);
  }

  private newCell(minX: number, minY: number, size: number, depth: number): number {
    const cell = this.cells++;
    if (cell >= this.mass.length) this.grow();
    this.mass[cell] = 0;
    this.massX[cell] = 0;
    this.massY[cell] = 0;
    this.minX[cell] = minX;
    this.minY[cell] = minY;
    this.size[cell] = size;
    this.body[cell] = -1;
    this.child[cell] = -1;
    this.depth[cell] = depth;
    return cell;
  }

  private grow(): void {
    const capacity = this.mass.length * 2;
    const copy = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.mass = copy(this.mass, (n) => new Float64Array(n));
    this.massX = copy(this.massX, (n) => new Float64Array(n));
    this.massY = copy(this.massY, (n) => new Float64Array(n));
    this.minX = copy(this.minX, (n) => new Float64Array(n));
    this.minY = copy(this.minY, (n) => new Float64Array(n));
    this.size = copy(this.size, (n) => new Float64Array(n));
    this.body = copy(this.body, (n) => new Int32Array(n));
    this.child = copy(this.child, (n) => new Int32Array(n));
    this.depth = copy(this.depth, (n) => new Int32Array(n));
  }

  private quadrant(cell: number, x: number, y: number): number {
    const half = this.size[cell]! / 2;
    return (x >= this.minX[cell]! + half ? 1 : 0) + (y >= this.minY[cell]! + half ? 2 : 0);
  }

  private insert(i: number, x: number, y: number, px: Float64Array, py: Float64Array): void {
    let cell = 0;
    for (;;) {
      const body = this.body[cell]!;
      if (body === -2) {
        this.mass[cell]! += 1;
        this.massX[cell]! += x;
        this.massY[cell]! += y;
        cell = this.child[cell]! + this.quadrant(cell, x, y);
        continue;
      }
      if (body === -1) {
        this.body[cell] = i;
        this.mass[cell] = 1;
        this.massX[cell] = x;
        this.massY[cell] = y;
        return;
      }
      // an occupied leaf: split it, unless the points coincide or the tree is too deep
      if ((px[body] === x && py[body] === y) || this.depth[cell]! >= 48) {
        this.mass[cell]! += 1;
        this.massX[cell]! += x;
        this.massY[cell]! += y;
        return;
      }
      const half = this.size[cell]! / 2;
      const first = this.newCell(this.minX[cell]!, this.minY[cell]!, half, this.depth[cell]! + 1);
      this.newCell(this.minX[cell]! + half, this.minY[cell]!, half, this.depth[cell]! + 1);
      this.newCell(this.minX[cell]!, this.minY[cell]! + half, half, this.depth[cell]! + 1);
      this.newCell(this.minX[cell]! + half, this.minY[cell]! + half, half, this.depth[cell]! + 1);
      this.child[cell] = first;
      this.body[cell] = -2;
      // re-insert the resident body (its mass stays counted in this cell)
      const resident = first + this.quadrant(cell, px[body]!, py[body]!);
      this.body[resident] = body;
      this.mass[resident] = this.mass[cell]!;
      this.massX[resident] = this.massX[cell]!;
      this.massY[resident] = this.massY[cell]!;
    }
  }
}
