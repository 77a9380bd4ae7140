// The API's contract as TypeBox schemas: they validate requests, shape responses and become the
// OpenAPI document. `skim add` checks JSON files against the same ArticleInput.
import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** Longest article body accepted (characters); the request limit adds room for JSON escaping. */
export const MAX_BODY_CHARS = 5_000_000;
export const MAX_REQUEST_BYTES = 8 * 1024 * 1024;
const MAX_TITLE_CHARS = 500;
const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const SummaryLength = Type.Union(
  [Type.Literal('short'), Type.Literal('medium'), Type.Literal('long'), Type.Literal('bullets')],
  { description: "'bullets' gives the key points as a list" },
);

/** Unknown fields are rejected (400), not stripped: a misspelt field must not vanish silently. */
export const ArticleInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: MAX_TITLE_CHARS, pattern: '\\S' }),
  body: Type.String({ minLength: 1, maxLength: MAX_BODY_CHARS, description: 'the article, in `format`' }),
  format: Type.Union([Type.Literal('html'), Type.Literal('markdown'), Type.Literal('text')]),
  url: Type.Optional(Nullable(Type.String({ format: 'uri', maxLength: 2048, description: 'http(s) URL of the original' }))),
  byline: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  section: Type.Optional(Nullable(Type.String({ maxLength: 100, description: 'section name; created on first use' }))),
  publishedAt: Type.Optional(Nullable(Type.String({ format: 'date-time', description: 'RFC 3339 date-time or date; default now' }))),
  lang: Type.Optional(Nullable(Type.String({ pattern: '^[a-z]{2,3}$', description: 'ISO 639 code; detected when absent' }))),
}, { additionalProperties: false });
export type ArticleInput = Static<typeof ArticleInput>;

const articleFields = {
  id: Type.Integer(),
  slug: Type.String(),
  title: Type.String(),
  byline: Nullable(Type.String()),
  section: Nullable(Type.String({ description: 'section slug' })),
  lang: Type.String(),
  url: Nullable(Type.String()),
  publishedAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  wordCount: Type.Integer(),
  revision: Type.Integer(),
  status: Type.String({ description: "'ok', or why the text is not summarized ('too_short', 'junk')" }),
  imageUrl: Nullable(Type.String()),
  links: Type.Object({
    self: Type.String(),
    page: Type.String({ description: 'the article page on the site' }),
    summary: Type.String(),
  }),
};

export const ArticleListItem = Type.Object({
  ...articleFields,
  snippet: Type.Optional(Type.String({ description: 'matching passage (searches only)' })),
});
export type ArticleListItem = Static<typeof ArticleListItem>;

export const Article = Type.Object({
  ...articleFields,
  canonicalUrl: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  statusReason: Nullable(Type.String()),
  siteName: Nullable(Type.String()),
  html: Type.String({ description: 'sanitized HTML' }),
  text: Type.String({ description: 'plain text; summary offsets index into it' }),
});
export type Article = Static<typeof Article>;

export const ArticleList = Type.Object({
  items: Type.Array(ArticleListItem),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  next: Nullable(Type.String({ description: 'URL of the next page' })),
});
export type ArticleList = Static<typeof ArticleList>;

export const ListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: '1-based; or use offset' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
  section: Type.Optional(Type.String({ maxLength: 100, description: 'section slug' })),
  q: Type.Optional(Type.String({ maxLength: 500, description: 'full-text search, ranked' })),
});
export type ListQuery = Static<typeof ListQuery>;

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export type IdParams = Static<typeof IdParams>;

export const SummaryQuery = Type.Object({ length: Type.Optional(SummaryLength) });
export type SummaryQuery = Static<typeof SummaryQuery>;

export const Summary = Type.Object({
  id: Type.Integer(),
  length: SummaryLength,
  version: Type.String({ description: 'summarizer version' }),
  sentences: Type.Array(Type.Object({
    text: Type.String(),
    start: Type.Integer({ description: "offset of the sentence's first character in the article's text" }),
    end: Type.Integer({ description: 'offset just past its last character' }),
    index: Type.Integer({ description: 'position of the sentence in the article' }),
    score: Type.Number(),
  })),
});
export type Summary = Static<typeof Summary>;

export const ApiError = Type.Object({
  error: Type.String({ description: 'machine-readable kind, e.g. bad_request, unauthorized, not_found' }),
  message: Type.String(),
});
export type ApiError = Static<typeof ApiError>;
