/**
 * @file One way to validate options: merge with frozen defaults, reject unknown keys and wrong types,
 * name the option that failed. The CLI and the API share it.
 */
import { InvalidOptionError } from './errors.js';

type Check = 'string' | 'number' | 'boolean' | 'positive-integer' | readonly string[];

/**
 * Merges `given` over `defaults`. `checks` gives each key's type (or its allowed values); a key not
 * in `checks` is unknown. `where` starts every message (e.g. "loadLamaDataset").
 */
export function resolveOptions<T extends object>(
  where: string,
  defaults: T,
  given: Partial<Record<keyof T, unknown>> | undefined,
  checks: Record<keyof T, Check>,
): T {
  const result = { ...defaults } as Record<string, unknown>;
  for (const [key, value] of Object.entries(given ?? {})) {
    if (!(key in checks)) {
      throw new InvalidOptionError(`${where}: unknown option "${key}"; known options: ${Object.keys(checks).join(', ')}`);
    }
    if (value === undefined) continue;
    const check = (checks as Record<string, Check>)[key]!;
    if (!matches(value, check)) {
      throw new InvalidOptionError(`${where}: option "${key}" must be ${describe(check)}, got ${JSON.stringify(value)}`);
    }
    result[key] = value;
  }
  return result as T;
}

function matches(value: unknown, check: Check): boolean {
  if (Array.isArray(check)) return typeof value === 'string' && check.includes(value);
  switch (check) {
    case 'positive-integer':
      return typeof value === 'number' && Number.isInteger(value) && value > 0;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeof value === check;
  }
}

function describe(check: Check): string {
  if (Array.isArray(check)) return `one of ${check.map((c) => `"${c}"`).join(', ')}`;
  return check === 'positive-integer' ? 'a positive integer' : `a ${check}`;
}
