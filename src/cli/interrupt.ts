/**
 * @file Ctrl-C for long commands: SIGINT asks the work to stop at its next safe point (through
 * an AbortSignal) and says what is kept; `dispose()` removes the handler when the work ends.
 */
export function interruptSignal(message: string): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSigint = () => {
    process.stderr.write(`\n${message}\n`);
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.removeListener('SIGINT', onSigint) };
}
