/**
 * A command line the program cannot run: a missing or unknown argument. The program prints its message and the
 * command's usage, with exit code 2. This file imports nothing, so every part of the CLI can throw it.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
