// Every migration, in order. Names sort lexically; never rename or edit one that has shipped.
import type { Kysely } from 'kysely';
import type { Dialect } from '../db.ts';
import * as initial from './001_initial.ts';
import * as locks from './002_locks.ts';
import * as itemHash from './003_item_hash.ts';
import * as searchLeads from './004_search_leads.ts';
import * as newestMatches from './005_newest_matches.ts';
import * as revisionsSuperseded from './006_revisions_superseded.ts';
import * as articlePages from './007_article_pages.ts';
import * as recentSearch from './008_recent_search.ts';
import * as recentSearchPostgres from './009_recent_search_postgres.ts';
import * as recentSearchCompaction from './010_recent_search_compaction.ts';

export interface DialectMigration {
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

export const migrations: Record<string, DialectMigration> = {
  '001_initial': initial,
  '002_locks': locks,
  '003_item_hash': itemHash,
  '004_search_leads': searchLeads,
  '005_newest_matches': newestMatches,
  '006_revisions_superseded': revisionsSuperseded,
  '007_article_pages': articlePages,
  '008_recent_search': recentSearch,
  '009_recent_search_postgres': recentSearchPostgres,
  '010_recent_search_compaction': recentSearchCompaction,
};
