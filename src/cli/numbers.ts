/**
 * @file Number options of the commands: one parser per kind, so every flag says the same thing
 * about a bad value (`--epochs must be a whole number >= 1, got "x"`).
 */
import { InvalidOptionError } from '../index.js';

interface Bounds {
  min?: number;
  max?: number;
  /** The value must be greater than this (for "positive" decimals). */
  above?: number;
}

function describe(kind: string, bounds: Bounds): string {
  const parts = [kind];
  if (bounds.above !== undefined) parts.push(`> ${bounds.above}`);
  if (bounds.min !== undefined) parts.push(`>= ${bounds.min}`);
  if (bounds.max !== undefined) parts.push(`<= ${bounds.max}`);
  return parts.join(' ');
}

function inBounds(n: number, bounds: Bounds): boolean {
  return (bounds.min === undefined || n >= bounds.min) && (bounds.max === undefined || n <= bounds.max) && (bounds.above === undefined || n > bounds.above);
}

/** A commander parser for a whole number (default: >= 0). */
export function wholeNumber(flag: string, bounds: Bounds = { min: 0 }): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || !inBounds(n, bounds)) {
      throw new InvalidOptionError(`${flag} must be a ${describe('whole number', bounds)}, got "${value}"`);
    }
    return n;
  };
}

/** A commander parser for a finite decimal number, optionally bounded. */
export function decimal(flag: string, bounds: Bounds = {}): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || !inBounds(n, bounds)) {
      throw new InvalidOptionError(`${flag} must be a ${describe('number', bounds)}, got "${value}"`);
    }
    return n;
  };
}
