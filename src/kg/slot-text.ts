/**
 * @file The slot parts of an edge as one text field (CSV, GraphML, GEXF): the parts that held the
 * filled slot joined by ";" in subject, relation, object order ("object", "subject;object"), or ""
 * for a triple that never touched the slot.
 */
import { DataFormatError } from '../errors.js';
import { TRIPLE_PARTS, type TriplePart } from './types.js';

export function slotText(parts: readonly TriplePart[]): string {
  return TRIPLE_PARTS.filter((part) => parts.includes(part)).join(';');
}

/** Reads `slotText`'s form back; throws DataFormatError (file, line, field `slot`) for anything else. */
export function parseSlotText(text: string, file: string, line: number): TriplePart[] {
  if (text.trim() === '') return [];
  const parts = text.split(';').map((part) => part.trim());
  const bad = parts.find((part) => !(TRIPLE_PARTS as readonly string[]).includes(part));
  if (bad !== undefined) throw new DataFormatError({ file, line, field: 'slot' }, `unknown triple part ${JSON.stringify(bad)}; expected ${TRIPLE_PARTS.join(', ')} joined by ";"`);
  return TRIPLE_PARTS.filter((part) => parts.includes(part));
}
