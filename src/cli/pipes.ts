/**
 * `proofbook controls soc2 | head -1`: when the reader closes the pipe early, the rest of the
 * output has nowhere to go. That is the reader's choice, not an error: end quietly, as Unix
 * tools do, instead of an unhandled EPIPE with a stack trace.
 */
let installed = false;
export function endQuietlyOnClosedPipe(): void {
  if (installed) return;
  installed = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}
