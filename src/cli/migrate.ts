// skim migrate: copies a SQLite store into an empty PostgreSQL database and verifies the counts.
import { existsSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { CliError, parseCommand } from './args.ts';
import { DEFAULT_DB, isPostgresUrl, openStore } from '../store/db.ts';
import { copyStore, TargetNotEmptyError } from '../store/copy.ts';

const HELP = `
Usage: skim migrate [--from FILE] --to postgres://USER@HOST/DB

Copies every table of a SQLite store into an empty PostgreSQL database, keeping ids, in one
transaction (a failure leaves the target empty), then checks the row counts of every table.

Options:
  --from FILE   the SQLite store (default ${DEFAULT_DB})
  --to URL      the PostgreSQL database (postgres://…); created tables must be empty
`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommand(args, { from: { type: 'string' }, to: { type: 'string' } }, HELP);
  if (!parsed) return 0;
  const from = parsed.values.from ?? DEFAULT_DB;
  const to = parsed.values.to;
  if (!to) throw new CliError('missing --to postgres://… (the database to copy into)');
  if (!isPostgresUrl(to)) throw new CliError(`--to must be a postgres:// URL, not '${to}'`);
  if (isPostgresUrl(from)) throw new CliError('--from must be a SQLite file');
  if (!existsSync(from)) throw new CliError(`no SQLite store at ${from}`);

  const source = await openStore(from);
  try {
    const target = await openStore(to, { poolSize: 2 }).catch((err: Error) => {
      throw new CliError(`cannot open ${to.replace(/\/\/[^@/]*@/, '//***@')}: ${err.message}`);
    });
    try {
      // A progress bar only for a person watching: never into a pipe or a log file.
      const bar = process.stderr.isTTY
        ? new cliProgress.SingleBar({ stream: process.stderr, format: 'copying {table} [{bar}] {percentage}% {value}/{total} rows', hideCursor: true }, cliProgress.Presets.shades_classic)
        : undefined;
      const copied = await copyStore(source, target, {
        start: (total) => bar?.start(total, 0, { table: '' }),
        copied: (table, rows) => bar?.increment(rows, { table }),
      }).catch((err: unknown) => {
        if (err instanceof TargetNotEmptyError) throw new CliError(err.message);
        throw err;
      }).finally(() => bar?.stop());
      for (const { table, rows } of copied) console.log(`${table.padEnd(16)} ${rows} rows, counts match`);
      console.log(`copied ${source.location} into ${target.location}`);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
  return 0;
}
