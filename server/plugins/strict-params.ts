// The route validator: TypeBox's, with one guard in front for URL parameters. TypeBox converts a parameter
// string to an integer with parseInt, so '/api/votes/1e999/close', '/api/votes/1.9/close' and even
// '/api/votes/true/close' all reached vote 1 (and '0x10' vote 16). An id in a URL must be written the one
// plain way: decimal digits, no sign, no leading zero.
import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import { fromTypeBoxError } from './validation-message';

const DECIMAL_ID = /^[1-9][0-9]{0,9}$/;

/** TypeBox's check, as @fastify/type-provider-typebox does it, keeping each error's kind and limit (for Chinese messages). */
const typeBoxCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const compiled = TypeCompiler.Compile(schema);
  return (value) => {
    const converted = httpPart === 'body' ? value : Value.Convert(schema, value);
    if (compiled.Check(converted)) return { value: converted };
    return { error: [...compiled.Errors(converted)].map(fromTypeBoxError) } as unknown as { error: Error };
  };
};

export const validatorCompiler: FastifySchemaCompiler<TSchema> = (route) => {
  const check = typeBoxCompiler(route);
  if (route.httpPart !== 'params' && route.httpPart !== 'querystring') return check;
  const properties = (route.schema as { properties?: Record<string, { type?: string }> }).properties ?? {};
  const integerKeys = Object.keys(properties).filter((k) => properties[k]!.type === 'integer');
  if (integerKeys.length === 0) return check;
  return (value) => {
    const raw = value as Record<string, unknown>;
    for (const key of integerKeys) {
      if (typeof raw[key] === 'string' && !DECIMAL_ID.test(raw[key])) {
        const error = { keyword: 'pattern', message: 'Expected a decimal integer id', instancePath: `/${key}`, params: {} };
        return { error: [error] } as unknown as ReturnType<typeof check>;
      }
    }
    return check(value);
  };
};
