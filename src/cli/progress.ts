/**
 * @file Progress for long work: a bar on a TTY, plain lines otherwise (at most one every few
 * seconds, so logs stay readable).
 */
import cliProgress from 'cli-progress';

export interface ProgressDisplay {
  /** Reports `done` of `total` units (total null when unknown); `detail` is a short status text. */
  update(done: number, total: number | null, detail?: string): void;
  /** A one-off message on its own line. */
  log(message: string): void;
  stop(): void;
}

export interface ProgressDisplayOptions {
  label: string;
  /** Formats a count for plain lines (e.g. bytes as MB). */
  format?: (value: number) => string;
  stream?: NodeJS.WriteStream;
  /** Minimum milliseconds between plain lines. */
  intervalMs?: number;
}

export function createProgressDisplay(options: ProgressDisplayOptions): ProgressDisplay {
  const stream = options.stream ?? process.stderr;
  const format = options.format ?? String;
  if (stream.isTTY) return ttyDisplay(options.label, format, stream);
  const interval = options.intervalMs ?? 5000;
  let last = 0;
  return {
    update(done, total, detail) {
      const now = Date.now();
      if (now - last < interval && (total === null || done < total)) return;
      last = now;
      const share = total ? ` (${((100 * done) / total).toFixed(0)}%)` : '';
      stream.write(`${options.label}: ${format(done)}${total ? ` / ${format(total)}` : ''}${share}${detail ? ` ${detail}` : ''}\n`);
    },
    log(message) {
      stream.write(`${message}\n`);
    },
    stop() {},
  };
}

function ttyDisplay(label: string, format: (value: number) => string, stream: NodeJS.WriteStream): ProgressDisplay {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {percentage}% | {doneText}/{totalText} | ETA {eta_formatted} {detail}`,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, detail = '') {
      const payload = { doneText: format(done), totalText: total === null ? '?' : format(total), detail };
      if (!started) {
        bar.start(total ?? 0, done, payload);
        started = true;
      } else {
        if (total !== null) bar.setTotal(total);
        bar.update(done, payload);
      }
    },
    log(message) {
      if (started) bar.stop();
      stream.write(`${message}\n`);
      started = false;
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
