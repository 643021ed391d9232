import {
  hoursFromMs,
  percentage,
  percentile,
  percentileHours,
  ratio,
  roundedQuotient,
} from './report-math.js';

describe('report numbers (SPEC §6)', () => {
  describe('rounding half away from zero to 2 decimals, from the exact value', () => {
    it('rounds a half up for positive values, where the double 0.145 would round down', () => {
      expect(ratio(145, 1000)).toBe(0.15);
      expect(0.145 * 100).toBeLessThan(14.5); // why exact arithmetic is needed
    });
    it('rounds a half away from zero for negative values', () => {
      expect(ratio(-145, 1000)).toBe(-0.15);
      expect(ratio(145, -1000)).toBe(-0.15);
      expect(ratio(-144, 1000)).toBe(-0.14);
    });
    it('rounds thirds to the nearest hundredth', () => {
      expect(ratio(2, 3)).toBe(0.67);
      expect(ratio(1, 3)).toBe(0.33);
      expect(percentage(1, 3)).toBe(33.33);
      expect(percentage(2, 3)).toBe(66.67);
    });
    it('keeps large cents exact', () => {
      expect(percentage(1, 8)).toBe(12.5);
      expect(percentage(123_456_789_012, 1_000_000_000_000)).toBe(12.35);
    });
  });

  describe('null on a zero divisor', () => {
    it('answers null for a ratio or percentage over 0', () => {
      expect(ratio(5, 0)).toBeNull();
      expect(percentage(0, 0)).toBeNull();
      expect(roundedQuotient(1, 0)).toBeNull();
    });
    it('answers 0 for 0 over something', () => {
      expect(percentage(0, 7)).toBe(0);
    });
  });

  describe('hours from milliseconds, converted last', () => {
    it('turns 90 minutes into 1.5 hours and 20 minutes into 0.33', () => {
      expect(hoursFromMs(5_400_000)).toBe(1.5);
      expect(hoursFromMs(1_200_000)).toBe(0.33);
    });
    it('rounds 18 seconds (0.005 h) up to 0.01', () => {
      expect(hoursFromMs(18_000)).toBe(0.01);
      expect(hoursFromMs(17_999)).toBe(0);
    });
  });

  describe('nearest-rank percentiles: index ceil(p/100 · n) − 1', () => {
    it('takes the lower middle as the median of an even count', () => {
      expect(percentile([40, 10, 30, 20], 50)).toBe(20);
    });
    it('takes the middle of an odd count', () => {
      expect(percentile([5, 1, 3], 50)).toBe(3);
    });
    it('takes the 9th of 10 values as p90 and the 7th of 7', () => {
      expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
      expect(percentile([1, 2, 3, 4, 5, 6, 7], 90)).toBe(7);
    });
    it('answers null over no values and the value itself over one', () => {
      expect(percentile([], 50)).toBeNull();
      expect(percentile([42], 90)).toBe(42);
      expect(percentileHours([], 90)).toBeNull();
    });
    it('reports a percentile of durations in hours', () => {
      expect(percentileHours([3_600_000, 7_200_000], 50)).toBe(1);
    });
  });

  describe('whole-number averages, halves up', () => {
    it('rounds 2.5 up to 3 and 2.4 down to 2', () => {
      expect(roundedQuotient(5, 2)).toBe(3);
      expect(roundedQuotient(12, 5)).toBe(2);
      expect(roundedQuotient(7_000, 3)).toBe(2_333);
    });
  });
});
