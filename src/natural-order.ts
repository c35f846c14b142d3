/**
 * @file The one natural order of names: digit runs compare as numbers, so snapshots and checkpoints
 * sort as a training run made them (epoch-2 before epoch-10, checkpoint-500 before checkpoint-1000).
 *
 * @example
 * ['epoch-10', 'epoch-2'].sort(naturalCompare); // ['epoch-2', 'epoch-10']
 */
const collator = new Intl.Collator('en', { numeric: true });

export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b);
}
