/**
 * @file The error kinds lmkg throws. Tests and the CLI check the kind, not the wording.
 *
 * - InvalidOptionError: an option or argument has a wrong value (exit code 2)
 * - UsageError: the call is valid but cannot be done as asked (exit code 2)
 * - NotFoundError: a dataset, file, model or node does not exist (exit code 3)
 * - DataFormatError: an input file is malformed; names the file, line and field (exit code 4)
 * - IntegrityError: a download or file fails its checksum or archive checks (exit code 5)
 * - NetworkError: a download failed after its retries (exit code 6)
 * - PreflightError: a command found, before starting its work, things it needs that are missing
 *   or unusable; it lists all of them, each with what fixes it (exit code 7)
 */
/** The base class of every error lmkg throws; `exitCode` is the CLI's exit code. */
export class LmkgError extends Error {
  readonly exitCode: number = 1;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** An option or argument has a wrong value (exit code 2). */
export class InvalidOptionError extends LmkgError {
  override readonly exitCode = 2;
}

/** The call is valid but cannot be done as asked (exit code 2). */
export class UsageError extends LmkgError {
  override readonly exitCode = 2;
}

/** A dataset, file, model or node does not exist (exit code 3). */
export class NotFoundError extends LmkgError {
  override readonly exitCode = 3;
}

/** Where in an input file a problem is: file, line and field. */
export interface DataLocation {
  file: string;
  line?: number;
  field?: string;
}

/** An input file is malformed; names the file, line and field (exit code 4). */
export class DataFormatError extends LmkgError {
  override readonly exitCode = 4;
  readonly location: DataLocation;
  constructor(location: DataLocation, problem: string, options?: { cause?: unknown }) {
    super(`${formatLocation(location)}: ${problem}`, options);
    this.location = location;
  }
}

/** A download or file fails its checksum or archive checks (exit code 5). */
export class IntegrityError extends LmkgError {
  override readonly exitCode = 5;
}

/** A download failed after its retries (exit code 6). */
export class NetworkError extends LmkgError {
  override readonly exitCode = 6;
}

/** One thing a command needs and lacks, and what fixes it. */
export interface PreflightProblem {
  /** What is missing or unusable, naming the file, folder, model or dataset. */
  what: string;
  /** The command or setting that fixes it. */
  fix: string;
}

/** Things a command needs are missing or unusable, each listed with its fix (exit code 7). */
export class PreflightError extends LmkgError {
  override readonly exitCode = 7;
  readonly problems: readonly PreflightProblem[];
  constructor(command: string, problems: readonly PreflightProblem[]) {
    const lines = problems.map((p) => `  - ${p.what}\n    fix: ${p.fix}`);
    super(`${command} cannot start; ${problems.length === 1 ? 'one thing is' : `${problems.length} things are`} missing or unusable (nothing was written):\n${lines.join('\n')}`);
    this.problems = problems;
  }
}

export function formatLocation({ file, line, field }: DataLocation): string {
  let where = file;
  if (line !== undefined) where += `:${line}`;
  if (field !== undefined) where += ` (field "${field}")`;
  return where;
}
