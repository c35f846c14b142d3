/**
 * @file LAMA relations. relations.jsonl holds the T-REx relations only; the Google-RE ones are
 * facts kept in code, as LAMA's own run_experiments.py keeps them.
 */
import { join } from 'node:path';
import { DataFormatError } from '../errors.js';
import { readJsonl } from './jsonl.js';
import type { Relation } from './types.js';

/** Google-RE relations keyed by the `pred` field of the records. */
export const GOOGLE_RE_RELATIONS: Readonly<Record<string, Relation>> = Object.freeze({
  '/people/person/place_of_birth': { id: 'place_of_birth', label: 'place of birth', template: '[X] was born in [Y] .' },
  '/people/person/date_of_birth': { id: 'date_of_birth', label: 'date of birth', template: '[X] (born [Y]).' },
  '/people/deceased_person/place_of_death': { id: 'place_of_death', label: 'place of death', template: '[X] died in [Y] .' },
});

/** Reads `<lama>/relations.jsonl` into a map from relation id (e.g. P19) to relation. */
export async function readRelations(lamaFolder: string): Promise<Map<string, Relation>> {
  const file = join(lamaFolder, 'relations.jsonl');
  const relations = new Map<string, Relation>();
  for await (const { line, value } of readJsonl(file)) {
    const id = value.relation;
    if (typeof id !== 'string') throw new DataFormatError({ file, line, field: 'relation' }, 'missing or not a string');
    const template = typeof value.template === 'string' ? value.template : null;
    const label = typeof value.label === 'string' ? value.label : id;
    relations.set(id, { id, label, template });
  }
  return relations;
}

/** Fills a LAMA template: `[X]` becomes the subject and `[Y]` the given object text. */
export function fillTemplate(template: string, subject: string, object: string): string {
  return template.replace('[X]', subject).replace('[Y]', object);
}
