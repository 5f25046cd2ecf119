// The route validator: TypeBox's, with one guard in front for URL parameters. TypeBox converts a parameter
// string to an integer with parseInt, so '/api/votes/1e999/close', '/api/votes/1.9/close' and even
// '/api/votes/true/close' all reached vote 1 (and '0x10' vote 16). An id in a URL must be written the one
// plain way: decimal digits, no sign, no leading zero.
import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';

const DECIMAL_ID = /^[1-9][0-9]{0,9}$/;

export const validatorCompiler: FastifySchemaCompiler<TSchema> = (route) => {
  const check = TypeBoxValidatorCompiler(route);
  if (route.httpPart !== 'params' && route.httpPart !== 'querystring') return check;
  const properties = (route.schema as { properties?: Record<string, { type?: string }> }).properties ?? {};
  const integerKeys = Object.keys(properties).filter((k) => properties[k]!.type === 'integer');
  if (integerKeys.length === 0) return check;
  return (value) => {
    const raw = value as Record<string, unknown>;
    for (const key of integerKeys) {
      if (typeof raw[key] === 'string' && !DECIMAL_ID.test(raw[key])) {
        return { error: [{ message: 'Expected a decimal integer id', instancePath: `/${key}` }] } as unknown as ReturnType<typeof check>;
      }
    }
    return check(value);
  };
};
