/**
 * @file The shared half of both force layouts (exact and Barnes-Hut): springs along the edges
 * (Fruchterman & Reingold's attraction d^2 / k), then every node moves along its force, at most
 * `temperature` far.
 */
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
