// The store a command works on: opened from --db (or the environment), closed however the work ends.
import { CliError } from './args.ts';
import { openStore, resolveDbUrl, type Store } from '../store/db.ts';

export async function withStore<T>(db: string | undefined, work: (store: Store) => Promise<T>): Promise<T> {
  const url = resolveDbUrl(db);
  const store = await openStore(url).catch((err: Error) => {
    throw new CliError(`cannot open the store at ${url}: ${err.message}`);
  });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
