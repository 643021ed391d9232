// Every input of the report maths is a whole number (cents, counts, milliseconds): anything else is a
// bug upstream, refused loudly with the argument's name rather than rounded into a wrong figure.
import { hoursFromMs, percentage, ratio, roundedQuotient } from './report-math.js';

describe('report numbers refuse what is not a safe integer, naming the argument', () => {
  it.each([
    ['ratio numerator', () => ratio(1.5, 2), 'numerator must be a safe integer, got 1.5'],
    ['ratio denominator', () => ratio(1, 2.5), 'denominator must be a safe integer, got 2.5'],
    ['percentage part', () => percentage(0.5, 1), 'part must be a safe integer, got 0.5'],
    ['percentage whole', () => percentage(1, 3.5), 'whole must be a safe integer, got 3.5'],
    ['hours', () => hoursFromMs(0.1), 'milliseconds must be a safe integer, got 0.1'],
    [
      'quotient numerator',
      () => roundedQuotient(2 ** 53, 1),
      'numerator must be a safe integer, got 9007199254740992',
    ],
    [
      'quotient denominator',
      () => roundedQuotient(1, Number.NaN),
      'denominator must be a safe integer, got NaN',
    ],
  ])('%s', (_, compute, message) => {
    expect(compute).toThrow(new RangeError(message));
  });
});
