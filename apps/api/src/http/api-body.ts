import { ApiBody } from '@nestjs/swagger';
import { z, type ZodType } from 'zod';

/** OpenAPI request body generated from the same zod schema that validates it. */
export const ApiZodBody = (schema: ZodType, example?: unknown) =>
  ApiBody({ schema: { ...(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as object), ...(example ? { example } : {}) } as never });
