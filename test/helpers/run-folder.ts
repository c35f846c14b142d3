/**
 * @file A run folder as comparable text: every file under it, the folder's own path replaced by
 * `<run>`, and removed from JSON the fields that differ from run to run by nature: timings (…At,
 * …Ms, …Seconds, seconds, timings, elapsed) and the worker a cell ran on (host, pid, threads).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function runFolderSnapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), normalise(name, readFileSync(path, 'utf8').replaceAll(dir, '<run>')));
    }
  };
  walk(dir);
  return files;
}

function normalise(name: string, text: string): string {
  if (name === 'report.html') return 'rendered from report-data.json';
  if (!name.endsWith('.json')) return text;
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).filter(([key]) => !/(At|Ms|Seconds|seconds|timings|elapsed|^worker)$/.test(key)).map(([key, v]) => [key, strip(v)]));
    }
    return value;
  };
  return JSON.stringify(strip(JSON.parse(text)));
}
