/**
 * @file `lmkg.config.json`: the options of `lmkg run` in a file, checked against a JSON Schema
 * (RUN_CONFIG_SCHEMA, made from RUN_OPTIONS; draft 2020-12 subset: type, enum, items, minimum,
 * maximum, required, additionalProperties). Errors name the file and the field. CLI options win over the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataFormatError, NotFoundError } from '../errors.js';
import { tableSchema } from '../option-table.js';
import { RUN_OPTIONS } from './options.js';

type Schema = {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  enum?: readonly (string | number)[];
  items?: Schema;
  properties?: Record<string, Schema & { description?: string }>;
  required?: readonly string[];
  additionalProperties?: boolean;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  default?: unknown;
  description?: string;
};

/** Made from the run's option table (options.ts): every field with its type, bounds, default and help. */
export const RUN_CONFIG_SCHEMA = Object.freeze({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'lmkg run configuration (lmkg.config.json)',
  type: 'object',
  additionalProperties: false,
  properties: { $schema: { type: 'string' }, ...tableSchema(RUN_OPTIONS) },
} satisfies Schema & { $schema: string; title: string });

export type RunConfigFile = Record<string, unknown>;

/** Reads and validates a config file; `explicit` says whether the user named it (then it must exist). */
export function readRunConfig(file: string, explicit: boolean): RunConfigFile | null {
  const path = resolve(file);
  if (!existsSync(path)) {
    if (explicit) throw new NotFoundError(`--config ${file}: no such file`);
    return null;
  }
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DataFormatError({ file: path }, `not valid JSON (${(error as Error).message})`);
  }
  validate(value, RUN_CONFIG_SCHEMA as Schema, path, '');
  return value as RunConfigFile;
}

function validate(value: unknown, schema: Schema, file: string, field: string): void {
  const fail = (problem: string): never => {
    throw new DataFormatError({ file, ...(field ? { field } : {}) }, problem);
  };
  if (schema.enum && !schema.enum.includes(value as string)) fail(`must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`);
  switch (schema.type) {
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(`must be an object, got ${JSON.stringify(value)}`);
      const record = value as Record<string, unknown>;
      for (const key of schema.required ?? []) if (!(key in record)) throw new DataFormatError({ file, field: join(field, key) }, 'required');
      for (const [key, child] of Object.entries(record)) {
        const childSchema = schema.properties?.[key];
        if (!childSchema) {
          if (schema.additionalProperties === false) {
            throw new DataFormatError({ file, field: join(field, key) }, `unknown setting; known settings: ${Object.keys(schema.properties ?? {}).filter((k) => k !== '$schema').join(', ')}`);
          }
          continue;
        }
        validate(child, childSchema, file, join(field, key));
      }
      return;
    }
    case 'array':
      if (!Array.isArray(value)) fail(`must be a list, got ${JSON.stringify(value)}`);
      if (schema.minItems !== undefined && (value as unknown[]).length < schema.minItems) fail(`must have at least ${schema.minItems} item(s)`);
      (value as unknown[]).forEach((item, i) => validate(item, schema.items ?? {}, file, `${field}[${i}]`));
      return;
    case 'string':
      if (typeof value !== 'string') fail(`must be a string, got ${JSON.stringify(value)}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail(`must be true or false, got ${JSON.stringify(value)}`);
      return;
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value) || (schema.type === 'integer' && !Number.isInteger(value))) fail(`must be ${schema.type === 'integer' ? 'a whole number' : 'a number'}, got ${JSON.stringify(value)}`);
      if (schema.minimum !== undefined && (value as number) < schema.minimum) fail(`must be at least ${schema.minimum}, got ${value}`);
      if (schema.maximum !== undefined && (value as number) > schema.maximum) fail(`must be at most ${schema.maximum}, got ${value}`);
      return;
    default:
  }
}

function join(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}
