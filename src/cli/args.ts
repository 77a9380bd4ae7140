// Argument parsing shared by every command: node:util's parseArgs plus --help and one-line errors.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** An error the user caused: printed as one line, exit code non-zero, no stack. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses `args` against `options`; prints `help` and returns null on --help.
 * Unknown flags and missing values become a CliError.
 */
export function parseCommand<O extends Options>(args: string[], options: O, help: string) {
  try {
    const parsed = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    if ((parsed.values as Record<string, unknown>).help) {
      console.log(help.trim());
      return null;
    }
    return parsed;
  } catch (err) {
    throw new CliError(`${(err as Error).message.split('\n')[0]}\n${help.trim()}`);
  }
}

/** The usage error of a command that takes no FILE or other positional argument. */
export function expectNoArguments(positionals: string[], help: string): void {
  if (positionals.length) throw new CliError(`unexpected argument '${positionals[0]}'\n${help.trim()}`);
}

/** The value of a flag that counts something (--concurrency, --processes); `fallback` when absent. */
export function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new CliError(`invalid --${name} '${value}': expected a whole number of at least 1`);
  return Number(value);
}
