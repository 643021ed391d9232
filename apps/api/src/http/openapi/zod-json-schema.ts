import type { StandardSchemaConverter } from '@nestjs/swagger';
import { z, type ZodType } from 'zod';

/** The JSON Schema dialect of OpenAPI 3.1 is draft 2020-12: what zod writes, used as it is. */
export function jsonSchemaOf(schema: ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const {
    $schema: _dialect,
    $defs,
    ...rest
  } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    // Refinements and transforms have no JSON Schema; the input side of a transform is documented.
    unrepresentable: 'any',
    reused: 'inline',
  }) as Record<string, unknown>;
  if ($defs) throw new Error('A documented schema must not be recursive (no $defs in the OpenAPI document)');
  return rest;
}

/** For SwaggerModule: request bodies, queries and path parameters declared with `{ schema }`. */
export const zodConverter: StandardSchemaConverter = (schema, { schemaType }) =>
  schema instanceof z.ZodType ? { schema: jsonSchemaOf(schema, schemaType) } : undefined;
