/** @file Chart colours: the paper's edge colours, Okabe-Ito for categories, viridis for ordered series (epochs). */
export const STATUS_COLOURS = Object.freeze({ both: '#2ca02c', missed: '#d62728', new: '#1f77b4' });
export const FACT_COLOURS = Object.freeze({ acquired: '#2ca02c', forgotten: '#e69f00', never: '#9a9a9a', correct: '#222222' });

const CATEGORICAL = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#7f7f7f', '#000000'];
// viridis without its lightest yellow, which is hard to see on white
const VIRIDIS = ['#440154', '#3b528b', '#21918c', '#5ec962', '#9bd23c'];

export function categoricalColour(index: number): string {
  return CATEGORICAL[index % CATEGORICAL.length]!;
}

/** Colour of item `index` of `count` along viridis (dark = early, light = late). */
export function sequentialColour(index: number, count: number): string {
  if (count <= 1) return VIRIDIS[1]!;
  const t = (index / (count - 1)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(t));
  return mix(VIRIDIS[i]!, VIRIDIS[i + 1]!, t - i);
}

function mix(a: string, b: string, t: number): string {
  const channel = (hex: string, at: number): number => parseInt(hex.slice(at, at + 2), 16);
  const parts = [1, 3, 5].map((at) => Math.round(channel(a, at) * (1 - t) + channel(b, at) * t).toString(16).padStart(2, '0'));
  return `#${parts.join('')}`;
}
