/**
 * @file A child process for the lease tests. `hold`: takes the lease of `<dir>` (heartbeat every
 * 50 ms), prints "held", then prints "lost" once its token is no longer in the file, and runs until
 * killed. `race`: waits until `<start-at>` (ms since the epoch), tries once, prints "won" or "lost".
 * Usage: node --import tsx test/helpers/lease-holder.ts hold|race <dir> [start-at]
 */
import { tryAcquireLease } from '../../src/run/cell-lease.js';

const [mode, dir, startAt] = process.argv.slice(2) as ['hold' | 'race', string, string | undefined];
if (mode === 'race') {
  while (Date.now() < Number(startAt)) { /* all racers start together */ }
  const lease = tryAcquireLease(dir, { heartbeatMs: 50 });
  process.stdout.write(lease ? 'won\n' : 'lost\n');
  // stay alive until every racer has tried (the test closes our stdin): a winner that exits leaves a
  // dead holder, which a racer started late would rightly take over
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
} else {
  hold();
}

function hold(): void {
  const lease = tryAcquireLease(dir, { heartbeatMs: 50 });
  process.stdout.write(lease ? 'held\n' : 'not taken\n');
  if (!lease) return;
  const timer = setInterval(() => {
    if (!lease.stillHeld()) {
      process.stdout.write('lost\n');
      clearInterval(timer);
    }
  }, 50);
  setInterval(() => {}, 1000);
}
