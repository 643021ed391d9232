import { actsAsSupervisor, checkActorActive } from './actor.js';
import { DomainError, ERROR_CODES, isDomainError, isErrorCode } from './domain-error.js';
import {
  caseStream,
  complainantStream,
  goodwillStream,
  orderStream,
  STANDARDS_STREAM,
  staffStream,
} from './streams.js';
import { checkOccurredAt, compareInstants, monthOf, toUtcIso } from './time.js';
import { MONTH_PATTERN } from './validation.js';
import { aCorrespondent, anAdmin, anIntegration } from '../testing/staff-fixtures.js';

describe('ERROR_CODES', () => {
  it('lists exactly the 23 codes of the spec, each once', () => {
    expect(ERROR_CODES).toHaveLength(23);
    expect(new Set(ERROR_CODES).size).toBe(23);
  });
});

describe('DomainError', () => {
  it('carries code, message and details, and is an Error', () => {
    const error = new DomainError('CASE_NOT_OPEN', 'Case case-1 is not open', { caseId: 'case-1' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('CASE_NOT_OPEN');
    expect(error.message).toBe('Case case-1 is not open');
    expect(error.details).toStrictEqual({ caseId: 'case-1' });
  });

  it('has no details key when none are given', () => {
    expect(Object.keys(new DomainError('CASE_NOT_FOUND', 'x'))).not.toContain('details');
  });

  it('is recognised by isDomainError, also as a look-alike from another module copy', () => {
    expect(isDomainError(new DomainError('ALREADY_RATED', 'x'))).toBe(true);
    const lookAlike = Object.assign(new Error('x'), { name: 'DomainError', code: 'ALREADY_RATED' });
    expect(isDomainError(lookAlike)).toBe(true);
  });

  it.each([
    ['a plain Error', new Error('x')],
    [
      'an Error of another kind that carries a known code',
      Object.assign(new Error('x'), { name: 'HttpError', code: 'CASE_NOT_FOUND' }),
    ],
    [
      'an Error named DomainError with an unknown code',
      Object.assign(new Error('x'), { name: 'DomainError', code: 'NOPE' }),
    ],
    ['a plain object with a code', { code: 'CASE_NOT_FOUND', message: 'x' }],
    ['null', null],
    ['an event list', []],
  ])('is not fooled by %s', (_, value) => {
    expect(isDomainError(value)).toBe(false);
  });

  it('isErrorCode accepts the codes and refuses prototype keys', () => {
    expect(isErrorCode('UNKNOWN_ORDER')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(404)).toBe(false);
  });
});

describe('checkOccurredAt', () => {
  const now = '2026-09-15T12:00:00.000Z';
  it.each([
    ['in the past', '2026-09-01T08:30:00.000Z'],
    ['now', now],
    ['4m59s ahead', '2026-09-15T12:04:59.000Z'],
    ['exactly 5m ahead', '2026-09-15T12:05:00.000Z'],
    ['5m ahead written with an offset', '2026-09-15T14:05:00.000+02:00'],
  ])('allows occurredAt %s', (_, occurredAt) => {
    expect(checkOccurredAt(occurredAt, now)).toBeUndefined();
  });

  it('refuses to judge against a clock that is not an instant', () => {
    expect(checkOccurredAt(now, 'garbage')).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'now', message: 'Not an ISO-8601 date-time' }],
    });
  });

  it.each([
    ['5m00.001s ahead', '2026-09-15T12:05:00.001Z'],
    ['5m01s ahead', '2026-09-15T12:05:01.000Z'],
    ['a day ahead', '2026-09-16T12:00:00.000Z'],
  ])('refuses occurredAt %s with OCCURRED_IN_FUTURE', (_, occurredAt) => {
    const error = checkOccurredAt(occurredAt, now);
    expect(error?.code).toBe('OCCURRED_IN_FUTURE');
    expect(error?.details).toStrictEqual({ occurredAt, now });
  });

  it('refuses an occurredAt that is not a date-time', () => {
    const error = checkOccurredAt('yesterday', now);
    expect(error?.code).toBe('VALIDATION_FAILED');
    expect(error?.details).toStrictEqual([{ path: 'occurredAt', message: 'Not an ISO-8601 date-time' }]);
  });
});

describe('time helpers', () => {
  it.each([
    ['2026-09-30T23:59:59.999Z', '2026-09'],
    ['2026-10-01T00:00:00.000Z', '2026-10'],
    ['2026-10-01T01:30:00.000+02:00', '2026-09'],
    ['2026-01-01T00:00:00.000Z', '2026-01'],
  ])('monthOf(%s) is %s (UTC)', (iso, month) => {
    expect(monthOf(iso)).toBe(month);
  });

  it('toUtcIso normalises to three fractional digits in UTC', () => {
    expect(toUtcIso('2026-09-01T10:30:00+02:00')).toBe('2026-09-01T08:30:00.000Z');
    expect(toUtcIso('garbage')).toBe('garbage');
  });

  it('compareInstants orders by instant, not by text', () => {
    expect(compareInstants('2026-09-01T10:00:00.000+02:00', '2026-09-01T09:00:00.000Z')).toBeLessThan(0);
    expect(compareInstants('2026-09-01T08:00:00Z', '2026-09-01T08:00:00.000Z')).toBe(0);
    expect(compareInstants('garbage', '2026-09-01T08:00:00.000Z')).toBeGreaterThan(0);
    expect(compareInstants('2026-09-01T08:00:00.000Z', 'garbage')).toBeLessThan(0);
    expect(compareInstants('apple', 'banana')).toBeLessThan(0);
    expect(compareInstants('banana', 'apple')).toBeGreaterThan(0);
    expect(compareInstants('apple', 'apple')).toBe(0);
  });

  it('MONTH_PATTERN is a whole YYYY-MM, nothing before or after', () => {
    expect(['2026-09', '2026-12'].map((m) => MONTH_PATTERN.test(m))).toEqual([true, true]);
    expect(
      ['12026-09', '2026-091', '2026-13', '2026-00', 'x2026-09'].map((m) => MONTH_PATTERN.test(m)),
    ).toEqual([false, false, false, false, false]);
  });
});

describe('actors', () => {
  it.each([
    [['supervisor'], true],
    [['admin'], true],
    [['correspondent', 'supervisor'], true],
    [['correspondent'], false],
    [['sorter', 'intake', 'integration', 'auditor', 'analyst'], false],
    [[], false],
  ])('roles %j act as supervisor: %s', (roles, expected) => {
    expect(actsAsSupervisor(roles)).toBe(expected);
  });

  it('refuses a registered staff member who is not active', () => {
    expect(checkActorActive(aCorrespondent('C-1').inactive().actor())?.code).toBe('STAFF_INACTIVE');
  });

  it.each([
    ['an active staff member', aCorrespondent('C-1').actor()],
    ['an admin token that is not staff', anAdmin()],
    ['an integration token', anIntegration()],
  ])('lets %s act', (_, actor) => {
    expect(checkActorActive(actor)).toBeUndefined();
  });
});

describe('stream names', () => {
  it('follow the spec', () => {
    expect(caseStream('42')).toBe('case-42');
    expect(goodwillStream('C-1')).toBe('goodwill-C-1');
    expect(orderStream('O-9')).toBe('order-O-9');
    expect(staffStream('C-1')).toBe('staff-C-1');
    expect(STANDARDS_STREAM).toBe('standards');
    expect(complainantStream('distributor', 'D-17')).toBe('complainant-distributor-D-17');
  });
});
