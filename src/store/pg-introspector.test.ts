import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openStore } from './db.ts';
import { createTestSchema, POSTGRES_SKIP } from './testing.ts';

const pgUrl = process.env.TEST_DATABASE_URL;

describe('PostgreSQL introspection', { skip: pgUrl ? false : POSTGRES_SKIP }, () => {
  test('sees only the store\'s own schema, so other stores in the database never disturb its migrations', async (t) => {
    const own = await createTestSchema(pgUrl!);
    const other = await createTestSchema(pgUrl!);
    t.after(async () => { await own.drop(); await other.drop(); });
    const store = await openStore(own.url, { poolSize: 1 });
    t.after(() => store.close());
    const neighbour = await openStore(other.url, { poolSize: 1 });
    await sql`CREATE TABLE only_next_door (id int GENERATED ALWAYS AS IDENTITY, note text NOT NULL)`.execute(neighbour.db);
    await neighbour.close();

    assert.deepEqual(await store.db.introspection.getSchemas(), [{ name: own.schema }]);
    const tables = await store.db.introspection.getTables();
    assert.ok(tables.length > 0 && tables.every((table) => table.schema === own.schema));
    assert.ok(!tables.some((table) => table.name === 'only_next_door' || table.name.startsWith('kysely_')));
    const articles = tables.find((table) => table.name === 'articles')!;
    const id = articles.columns.find((column) => column.name === 'id')!;
    assert.equal(id.isAutoIncrementing, true);
    assert.equal(articles.columns.find((column) => column.name === 'title')?.isNullable, false);
    const internal = await store.db.introspection.getTables({ withInternalKyselyTables: true });
    assert.ok(internal.some((table) => table.name === 'kysely_migration'));

    // Reopening migrates again (nothing to do) after the neighbour's schema is gone.
    await other.drop();
    await (await openStore(own.url, { poolSize: 1 })).close();
  });
});
