/**
 * @file One option table per command: each row names an option once (library key, flag, type,
 * default, help, bounds) and everything else is made from the rows — the commander flags and their
 * help (src/cli/option-flags.ts), the JSON Schema of a config file, the defaults object and the
 * validation of an API options object. So a default, a unit or a bound is written in one place.
 *
 * @example
 * const TABLE = [{ key: 'topK', flag: '--top-k <n>', type: 'integer', min: 1, default: 10, help: 'predictions per blank' }] as const;
 * tableDefaults(TABLE);                 // { topK: 10 }
 * tableSchema(TABLE).topK;              // { type: 'integer', minimum: 1, default: 10, description: 'predictions per blank' }
 * resolveTableOptions('probe', TABLE, { topK: 0 }); // InvalidOptionError: probe: option "topK" must be a whole number >= 1, got 0
 */
import { InvalidOptionError } from './errors.js';

/** The value type of an option (string, number, integer, boolean, choice, list). */
export type OptionType = 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'list';

/** One option of a command: key, flag, type, default, help, bounds; the CLI flag, config schema and check are made from it. */
export interface OptionSpec {
  /** The library's option name (camelCase), also the config file's field. */
  readonly key: string;
  /**
   * The command-line flag as commander takes it: `--top-k <n>`, `--filter-judgments` (boolean),
   * `--no-report` (boolean, default true). Absent: an API / config-file option only.
   */
  readonly flag?: string;
  readonly type: OptionType;
  /** undefined: no fixed default (the option is unset, or computed: then `defaultText` says how). */
  readonly default?: unknown;
  /** Help's wording of the default when it is not a fixed value ("the CPUs this process may use"). */
  readonly defaultText?: string;
  readonly help: string;
  /** The values of an enum, or of each item of a list. */
  readonly choices?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** Shown in help and the schema ("seconds"); the value is always in this unit. */
  readonly unit?: string;
  /** An enum set by a flag that takes no value: `--template` sets mode to "template". */
  readonly switchTo?: string;
  /** false: a command-line option only, not part of the config file / JSON Schema. */
  readonly inFile?: boolean;
  /** The command cannot run without it (commander's mandatory option; then help shows no default). */
  readonly required?: boolean;
}

/** The options of one command, in help order. */
export type OptionTable = readonly OptionSpec[];

/** The frozen defaults of a table (options without a fixed default are left out). */
export function tableDefaults(table: OptionTable): Readonly<Record<string, unknown>> {
  return Object.freeze(Object.fromEntries(table.filter((spec) => spec.default !== undefined).map((spec) => [spec.key, spec.default])));
}

/** How help writes a default: its `defaultText`, else lists comma-joined, booleans on/off, numbers with their unit. */
export function formatDefault(spec: OptionSpec): string | null {
  if (spec.defaultText !== undefined) return spec.defaultText;
  if (spec.default === undefined) return null;
  if (typeof spec.default === 'boolean') return spec.default ? 'on' : 'off';
  const value = Array.isArray(spec.default) ? spec.default.join(',') : String(spec.default);
  return spec.unit && typeof spec.default === 'number' ? `${value} ${spec.unit}` : value;
}

/** What a value of this option must be, for messages ("a whole number >= 1"). */
export function describeSpec(spec: OptionSpec): string {
  const bounds = [spec.min === undefined ? '' : ` >= ${spec.min}`, spec.max === undefined ? '' : ` <= ${spec.max}`].join('');
  switch (spec.type) {
    case 'integer': return `a whole number${bounds}`;
    case 'number': return `a number${bounds}${spec.unit ? ` (${spec.unit})` : ''}`;
    case 'boolean': return 'true or false';
    case 'enum': return `one of ${(spec.choices ?? []).map((c) => `"${c}"`).join(', ')}`;
    case 'list': return spec.choices ? `a list of ${spec.choices.map((c) => `"${c}"`).join(', ')}` : 'a list of strings';
    default: return 'a string';
  }
}

/** True when `value` is a valid value of the option. */
export function isValidValue(spec: OptionSpec, value: unknown): boolean {
  const inBounds = (n: number) => (spec.min === undefined || n >= spec.min) && (spec.max === undefined || n <= spec.max);
  switch (spec.type) {
    case 'integer': return typeof value === 'number' && Number.isInteger(value) && inBounds(value);
    case 'number': return typeof value === 'number' && Number.isFinite(value) && inBounds(value);
    case 'boolean': return typeof value === 'boolean';
    case 'enum': return typeof value === 'string' && (spec.choices ?? []).includes(value);
    case 'list': return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string' && (spec.choices === undefined || spec.choices.includes(item)));
    default: return typeof value === 'string';
  }
}

/**
 * Merges `given` over the table's defaults: unknown keys, wrong types and values out of bounds
 * throw an InvalidOptionError that starts with `where` and names the option. Keys in
 * `passThrough` (callbacks, signals) are kept as given.
 */
export function resolveTableOptions<T extends object>(where: string, table: OptionTable, given: object | undefined, passThrough: readonly string[] = []): T {
  const byKey = new Map(table.map((spec) => [spec.key, spec]));
  const result: Record<string, unknown> = { ...tableDefaults(table) };
  for (const [key, value] of Object.entries(given ?? {})) {
    if (passThrough.includes(key)) {
      result[key] = value;
      continue;
    }
    const spec = byKey.get(key);
    if (!spec) throw new InvalidOptionError(`${where}: unknown option "${key}"; known options: ${[...byKey.keys(), ...passThrough].join(', ')}`);
    if (value === undefined) continue;
    if (!isValidValue(spec, value)) throw new InvalidOptionError(`${where}: option "${key}" must be ${describeSpec(spec)}, got ${JSON.stringify(value)}`);
    result[key] = value;
  }
  return result as T;
}

/** One property of a JSON Schema (the draft 2020-12 subset that src/run/config-file.ts checks). */
export interface SchemaProperty {
  type?: 'array' | 'string' | 'number' | 'integer' | 'boolean';
  enum?: readonly string[];
  items?: { type: 'string' } | { enum: readonly string[] };
  minItems?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  description?: string;
}

/** The JSON Schema properties of the table's file options, each with its default. */
export function tableSchema(table: OptionTable): Record<string, SchemaProperty> {
  const properties: Record<string, SchemaProperty> = {};
  for (const spec of table) {
    if (spec.inFile === false) continue;
    const property: SchemaProperty = spec.type === 'enum'
      ? { enum: spec.choices ?? [] }
      : spec.type === 'list' ? { type: 'array', items: spec.choices ? { enum: spec.choices } : { type: 'string' }, minItems: 1 } : { type: spec.type };
    if (spec.min !== undefined) property.minimum = spec.min;
    if (spec.max !== undefined) property.maximum = spec.max;
    if (spec.default !== undefined) property.default = spec.default;
    property.description = spec.unit ? `${spec.help} (${spec.unit})` : spec.help;
    properties[spec.key] = property;
  }
  return properties;
}
