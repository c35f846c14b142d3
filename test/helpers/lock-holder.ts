/**
 * @file A child process for the lock tests: takes `<root>/.<name>.lock` with withCacheLock, appends
 * "enter <pid>" to a log, holds the lock for `holdMs`, appends "leave <pid>", and exits.
 * Usage: node --import tsx test/helpers/lock-holder.ts <root> <name> <log> <holdMs>
 */
import { appendFileSync } from 'node:fs';
import { withCacheLock } from '../../src/data/cache-lock.js';

const [root, name, log, hold] = process.argv.slice(2) as [string, string, string, string];
await withCacheLock(root, name, async () => {
  appendFileSync(log, `enter ${process.pid}\n`);
  await new Promise((resolve) => setTimeout(resolve, Number(hold)));
  appendFileSync(log, `leave ${process.pid}\n`);
}, { pollMs: 20, onWait: (owner) => appendFileSync(log, `wait ${process.pid} for ${owner?.pid ?? '?'}\n`) });
