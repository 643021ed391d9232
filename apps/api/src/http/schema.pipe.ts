import { Inject, Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';
import { DEPLOYMENT_CURRENCY } from '#application';

const perCurrency = new WeakMap<object, (currency: string) => ZodType>();

/**
 * A schema whose rules name the deployment's currency (money bodies refuse another one). The schema
 * returned is built for `USD` and is what the OpenAPI document shows (a currency is a string
 * there); SchemaPipe validates with the one built for CURRENCY.
 */
export function forDeploymentCurrency<T extends ZodType>(build: (currency: string) => T): T {
  const built = new Map<string, T>();
  const documented = build('USD');
  perCurrency.set(
    documented,
    (currency) => built.get(currency) ?? built.set(currency, build(currency)).get(currency)!,
  );
  return documented;
}

/**
 * Validates every parameter declared with a zod schema (`@Body({ schema })`, `@Query({ schema })`,
 * `@Param('id', { schema })`) and hands the parsed value to the handler; a ZodError becomes 400
 * VALIDATION_FAILED in the exception filter. Runs after the guard, so 401 and 403 come first.
 */
@Injectable()
export class SchemaPipe implements PipeTransform {
  constructor(@Inject(DEPLOYMENT_CURRENCY) private readonly currency: string) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (!metadata.schema) return value;
    const schema =
      perCurrency.get(metadata.schema)?.(this.currency) ?? (metadata.schema as unknown as ZodType);
    return schema.parse(value ?? {});
  }
}
