// Request validation with TypeBox's compiled checks instead of Fastify's default Ajv setup, which
// coerces types and strips unknown fields: a JSON body must match exactly (a number is not a title),
// while query strings and path parameters, always text, have their numbers parsed first.
import type { FastifySchemaCompiler } from 'fastify';
import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';

// TypeBox ships no formats; these two are the ones the schemas use (idempotent, process-wide).
const RFC3339 = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2}))?$/; // a time needs its offset
// The calendar date must exist (Date.parse rolls 2024-02-30 over to March).
const isDateTime = (value: string) =>
  RFC3339.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value.slice(0, 10)).toISOString().startsWith(value.slice(0, 10));
FormatRegistry.Set('date-time', isDateTime);
FormatRegistry.Set('uri', (value) => /^https?:\/\//i.test(value) && URL.canParse(value));

/** "title: Expected string" — the first problem, named by its JSON pointer. */
export function describeError<T extends TSchema>(check: TypeCheck<T>, value: unknown): string | undefined {
  const error = check.Errors(value).First();
  if (!error) return undefined;
  const where = error.path.replace(/^\//, '').replaceAll('/', '.');
  return where ? `${where}: ${error.message}` : error.message;
}

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/**
 * Numeric fields of a query or params object written as plain decimals become numbers; anything
 * else ("2.5" for an integer, "true", "1e3", repeated keys) is left for the check to reject, unlike
 * TypeBox's Value.Convert, which truncates and maps booleans.
 */
function parseNumbers(schema: TSchema, input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const properties: Record<string, TSchema> = schema.properties ?? {};
  return Object.fromEntries(Object.entries(input).map(([key, value]) => {
    const type = properties[key]?.type;
    const numeric = (type === 'integer' || type === 'number') && typeof value === 'string' && DECIMAL.test(value);
    return [key, numeric ? Number(value) : value];
  }));
}

export const typeboxValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = TypeCompiler.Compile(schema);
  const fromText = httpPart === 'querystring' || httpPart === 'params';
  return (input) => {
    const value = fromText ? parseNumbers(schema, input) : input;
    if (check.Check(value)) return { value };
    return { error: new Error(`${httpPart === 'querystring' ? 'query' : httpPart} ${describeError(check, value)}`) };
  };
};
