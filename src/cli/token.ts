// `skim token`: prints the admin API token, creating it on first use.
import { expectNoArguments, parseCommand } from './args.ts';
import { withStore } from './store.ts';
import { ensureAdminToken } from '../store/tokens.ts';

const HELP = `
Usage: skim token [--db URL]

Prints the admin token that API writes need (Authorization: Bearer <token>).
  --db URL   the store (default: $DATABASE_URL, $SKIM_DB or ./data/skim.db)
`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommand(args, { db: { type: 'string' } }, HELP);
  if (!parsed) return 0;
  expectNoArguments(parsed.positionals, HELP);
  const { token } = await withStore(parsed.values.db, (store) => ensureAdminToken(store.db));
  console.log(token);
  return 0;
}
