import { PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';

/** Validates a body (or query) against its schema; a failure becomes 400 VALIDATION_FAILED in the filter. */
export class ZodPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: ZodType<T>) {}

  transform(value: unknown): T {
    return this.schema.parse(value ?? {});
  }
}
