/**
 * @file The shared parts of both force layouts (exact and Barnes-Hut): a component's positions and
 * edges in local numbering, springs along the edges (Fruchterman & Reingold's attraction d^2 / k)
 * followed by a move of at most `temperature`, and writing the positions back.
 */
import type { Adjacency } from './layout.js';

/** Local copies of a component's positions and its edges (each once, i < j) in local numbering. */
export function componentPositions(members: Int32Array, adjacency: Adjacency, x: Float64Array, y: Float64Array) {
  const size = members.length;
  const local = new Map<number, number>();
  members.forEach((v, i) => local.set(v, i));
  const px = Float64Array.from(members, (v) => x[v]!);
  const py = Float64Array.from(members, (v) => y[v]!);
  const edgeA: number[] = [];
  const edgeB: number[] = [];
  for (let i = 0; i < size; i += 1) {
    const v = members[i]!;
    for (let e = adjacency.offsets[v]!; e < adjacency.offsets[v + 1]!; e += 1) {
      const j = local.get(adjacency.targets[e]!)!;
      if (j > i) {
        edgeA.push(i);
        edgeB.push(j);
      }
    }
  }
  return { size, px, py, edgeA, edgeB };
}

/** Copies a component's local positions back into the global arrays. */
export function writePositions(members: Int32Array, px: Float64Array, py: Float64Array, x: Float64Array, y: Float64Array): void {
  members.forEach((v, i) => {
    x[v] = px[i]!;
    y[v] = py[i]!;
  });
}

export interface ForceState {
  px: Float64Array | number[];
  py: Float64Array | number[];
  dx: Float64Array | number[];
  dy: Float64Array | number[];
  edgeA: ArrayLike<number>;
  edgeB: ArrayLike<number>;
  /** Ideal edge length. */
  k: number;
  size: number;
}

export function attractAndMove(state: ForceState, temperature: number): void {
  const { px, py, dx, dy, edgeA, edgeB, k, size } = state;
  for (let e = 0; e < edgeA.length; e += 1) {
    const i = edgeA[e]!;
    const j = edgeB[e]!;
    const ddx = px[i]! - px[j]!;
    const ddy = py[i]! - py[j]!;
    const f = Math.sqrt(ddx * ddx + ddy * ddy) / k;
    dx[i]! -= ddx * f;
    dy[i]! -= ddy * f;
    dx[j]! += ddx * f;
    dy[j]! += ddy * f;
  }
  for (let i = 0; i < size; i += 1) {
    const length = Math.sqrt(dx[i]! * dx[i]! + dy[i]! * dy[i]!);
    if (length === 0) continue;
    const step = Math.min(length, temperature) / length;
    px[i]! += dx[i]! * step;
    py[i]! += dy[i]! * step;
  }
}
