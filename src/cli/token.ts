// `skim token`: prints the admin API token, creating it on first use.
import { parseCommand, CliError } from './args.ts';
import { openStore, resolveDbUrl } from '../store/db.ts';
import { ensureAdminToken } from '../store/tokens.ts';

const HELP = `
Usage: skim token [--db URL]

Prints the admin token that API writes need (Authorization: Bearer <token>).
  --db URL   the store (default: $DATABASE_URL, $SKIM_DB or ./data/skim.db)
`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommand(args, { db: { type: 'string' } }, HELP);
  if (!parsed) return 0;
  if (parsed.positionals.length) throw new CliError(`unexpected argument '${parsed.positionals[0]}'\n${HELP.trim()}`);
  const store = await openStore(resolveDbUrl(parsed.values.db));
  try {
    console.log((await ensureAdminToken(store.db)).token);
  } finally {
    await store.close();
  }
  return 0;
}
