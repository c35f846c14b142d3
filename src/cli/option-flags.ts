/**
 * @file A command's flags from its option table (src/option-table.ts): commander options whose
 * help ends in "(default: X)" taken from the table, parsers that name the flag in their errors, and
 * the values read back under the library's keys. Commander holds the table's defaults, so
 * `opts()` shows what a run would use; `explicit` holds only what the user typed, so a config file
 * or a preset can sit between the defaults and the command line.
 */
import { Option, type Command } from 'commander';
import { formatDefault, InvalidOptionError, type OptionSpec, type OptionTable } from '../index.js';
import { decimal, wholeNumber } from './numbers.js';


/** Registers every flag of `table` on `command` (in table order). */
export function addTableOptions(command: Command, table: OptionTable): Command {
  for (const spec of table) {
    if (spec.flag === undefined) continue;
    const shown = formatDefault(spec);
    const option = new Option(spec.flag, spec.help);
    const parse = flagParser(spec, option);
    if (parse) option.argParser(parse);
    if (spec.required) option.makeOptionMandatory();
    const commanderDefault = spec.switchTo !== undefined ? false : spec.default;
    if (commanderDefault !== undefined) option.default(commanderDefault, shown ?? undefined);
    // commander shows the default itself, except for unset ones and negated flags (--no-report)
    const commanderShows = commanderDefault !== undefined && !option.negate;
    if (!commanderShows && shown !== null) option.description = `${spec.help} (default: ${shown})`;
    command.addOption(option);
  }
  return command;
}

function flagParser(spec: OptionSpec, option: Option): ((value: string, previous: unknown) => unknown) | null {
  const flag = option.long ?? spec.flag!;
  const bounds = { ...(spec.min === undefined ? {} : { min: spec.min }), ...(spec.max === undefined ? {} : { max: spec.max }) };
  switch (spec.type) {
    case 'integer': return wholeNumber(flag, bounds);
    case 'number': return decimal(flag, bounds);
    case 'enum':
      if (spec.switchTo !== undefined) return null;
      return (value) => {
        if (!(spec.choices ?? []).includes(value)) throw new InvalidOptionError(`${flag} must be ${alternatives(spec.choices ?? [])}, got "${value}"`);
        return value;
      };
    case 'list':
      if (spec.flag!.includes('...>')) return null; // variadic: commander collects the values as given
      // a repeated flag adds to the list; the first one replaces the default
      return (value, previous) => {
        const items = value.split(',').map((s) => s.trim()).filter(Boolean);
        const bad = items.find((item) => spec.choices !== undefined && !spec.choices.includes(item));
        if (bad !== undefined) throw new InvalidOptionError(`${flag}: unknown value "${bad}"; choose from ${spec.choices!.join(', ')}`);
        return [...(Array.isArray(previous) && previous !== spec.default ? previous : []), ...items];
      };
    default: return null;
  }
}

export interface TableValues<T> {
  /** Every option of the table with a flag, under its library key: the user's value or the default. */
  values: T;
  /** Only the options the user gave on the command line. */
  explicit: Partial<T>;
}

/** Reads the values of `table`'s flags back from a parsed `command`, under the library's keys. */
export function tableValues<T extends object = Record<string, unknown>>(command: Command, table: OptionTable): TableValues<T> {
  const values: Record<string, unknown> = {};
  const explicit: Record<string, unknown> = {};
  for (const spec of table) {
    if (spec.flag === undefined) continue;
    const option = command.options.find((o) => o.flags === spec.flag)!;
    const name = option.attributeName();
    let value = command.getOptionValue(name) as unknown;
    if (spec.switchTo !== undefined) value = value === true ? spec.switchTo : spec.default;
    const given = command.getOptionValueSource(name) === 'cli';
    if (value !== undefined) values[spec.key] = value;
    if (given) explicit[spec.key] = value;
  }
  return { values: values as T, explicit: explicit as Partial<T> };
}

/** `a, b or c`. */
function alternatives(choices: readonly string[]): string {
  return choices.length < 2 ? choices.join('') : `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`;
}
