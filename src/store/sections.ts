import slugify from '@sindresorhus/slugify';
import type { Db } from './articles.ts';
import type { Section } from './schema.ts';

/** Returns the section's slug, creating the section on first use. */
export async function ensureSection(db: Db, name: string): Promise<string> {
  const slug = slugify(name) || 'news';
  await db.insertInto('sections').values({ slug, name: name.trim() }).onConflict((oc) => oc.column('slug').doNothing()).execute();
  return slug;
}

export function getSection(db: Db, slug: string): Promise<Section | undefined> {
  return db.selectFrom('sections').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function listSections(db: Db): Promise<Section[]> {
  return db.selectFrom('sections').selectAll().orderBy('position').orderBy('name').execute();
}
