/**
 * @file How KG keys are made: case and whitespace folded (NFKC, trimmed, runs of whitespace to one
 * space, lowercased), so "Allan  Dwan" and "allan dwan" are one node while the first surface form
 * is kept as the display label.
 */
export function normaliseKey(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
}
