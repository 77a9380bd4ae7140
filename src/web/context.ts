import type { Store } from '../store/db.ts';

export interface AppContext {
  store: Store;
  logger?: boolean;
}
