/**
 * @file Number formatting, one rule everywhere: metrics with 3 decimals, counts as integers,
 * intervals as [lo, hi], missing values as an em dash.
 */
export const MISSING = '—';

export function formatMetric(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? MISSING : value.toFixed(3);
}

export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

export function formatInterval(interval: readonly [number, number] | undefined): string {
  return interval === undefined ? '' : `[${interval[0].toFixed(3)}, ${interval[1].toFixed(3)}]`;
}

/** A file name from free text: letters, digits, dots, dashes and underscores only. */
export function safeFileName(text: string): string {
  const name = text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return name || 'chart';
}
