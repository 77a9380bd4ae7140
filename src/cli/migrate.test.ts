import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError } from './args.ts';
import { run } from './migrate.ts';
import { openStore } from '../store/db.ts';
import { countArticles, insertArticle } from '../store/articles.ts';
import { createTestSchema, POSTGRES_SKIP } from '../store/testing.ts';

const pgUrl = process.env.TEST_DATABASE_URL;

const refused = (args: string[], message: RegExp) =>
  assert.rejects(run(args), (err: Error) => err instanceof CliError && message.test(err.message));

test('skim migrate refuses what it cannot do, with one clear line', async () => {
  await refused(['--from', 'x.db'], /missing --to/);
  await refused(['--from', 'x.db', '--to', 'other.db'], /--to must be a postgres:\/\/ URL/);
  await refused(['--from', 'postgres://h/db', '--to', 'postgres://h/db2'], /--from must be a SQLite file/);
  await refused(['--from', '/nonexistent/skim.db', '--to', 'postgres://127.0.0.1/db'], /no SQLite store at \/nonexistent\/skim.db/);
  await refused(['--bogus'], /Unknown option '--bogus'/);
});

describe('skim migrate into PostgreSQL', { skip: pgUrl ? false : POSTGRES_SKIP }, () => {
  test('copies a SQLite file, then refuses to copy into the now non-empty database', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'skim-migrate-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'skim.db');
    const source = await openStore(file);
    for (let i = 1; i <= 3; i++) {
      await insertArticle(source.db, {
        slug: `story-${i}`, url: null, canonical_url: null, title: `Story ${i}`, byline: null, section: null, lang: 'en',
        published_at: '2026-03-01T00:00:00.000Z', updated_at: '2026-03-01T00:00:00.000Z', created_at: '2026-03-01T00:00:00.000Z',
        html: '<p>Text.</p>', text: 'Text.', word_count: 1, content_hash: `h${i}`, image_url: null, site_name: null, simhash: null,
      });
    }
    await source.close();
    const schema = await createTestSchema(pgUrl!);
    t.after(() => schema.drop());

    assert.equal(await run(['--from', file, '--to', schema.url]), 0);
    const target = await openStore(schema.url, { poolSize: 1 });
    t.after(() => target.close());
    assert.equal(await countArticles(target.db), 3);
    await refused(['--from', file, '--to', schema.url], /already has data \(3 rows in articles\)/);
  });
});
