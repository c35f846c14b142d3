/**
 * @file How KG keys are made: case and whitespace folded (NFKC, trimmed, runs of whitespace to one
 * space, lowercased), so "Allan  Dwan" and "allan dwan" are one node while the first surface form
 * is kept as the display label.
 *
 * graphology keeps each node's neighbours in plain objects, so a node keyed `constructor` or
 * `__proto__` (names every JavaScript object inherits) breaks its edge lookups and iteration. Such a
 * key gets one trailing space, which no normalised text has (normalising trims), so it stays unique.
 */
/** The node key of a label: NFKC, trimmed, inner whitespace collapsed, lower-cased. */
export function normaliseKey(text: string): string {
  return graphSafeKey(text.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase());
}

/** A node key graphology can hold: names inherited by every object get a trailing space (see the file comment). */
export function graphSafeKey(key: string): string {
  return key in Object.prototype ? `${key} ` : key;
}
