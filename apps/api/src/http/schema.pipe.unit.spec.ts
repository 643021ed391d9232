import { ZodError } from 'zod';
import { allocateBudgetBody, id } from '#application';
import { forDeploymentCurrency, SchemaPipe } from './schema.pipe.js';

const budget = forDeploymentCurrency(allocateBudgetBody);
const body = (currency?: string) => ({
  staffId: 'C-1',
  month: '2026-12',
  amountCents: 100,
  ...(currency ? { currency } : {}),
});

describe('SchemaPipe', () => {
  it('validates a money body with the deployment’s currency, not the documented one (USD)', () => {
    const euroDeployment = new SchemaPipe('EUR');
    expect(euroDeployment.transform(body('EUR'), { type: 'body', schema: budget })).toEqual(body('EUR'));
    expect(() => euroDeployment.transform(body('USD'), { type: 'body', schema: budget })).toThrow(ZodError);
    expect(() => new SchemaPipe('USD').transform(body('EUR'), { type: 'body', schema: budget })).toThrow(
      'Only USD is accepted by this deployment',
    );
  });

  it('parses with the declared schema, reads a missing body as {} and leaves undeclared parameters alone', () => {
    const pipe = new SchemaPipe('USD');
    expect(() => pipe.transform('not an id!', { type: 'param', data: 'id', schema: id })).toThrow(ZodError);
    expect(() => pipe.transform(undefined, { type: 'body', schema: budget })).toThrow(/staffId/);
    const caller = { id: 'C-1' };
    expect(pipe.transform(caller, { type: 'custom' })).toBe(caller);
  });
});
