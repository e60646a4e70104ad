import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { copenhagenMidnight, nextDay } from './danish-time.ts';

describe('Danish days', () => {
  it('begins a winter day at 23:00 UTC the evening before', () => {
    assert.equal(copenhagenMidnight('2026-01-15').toISOString(), '2026-01-14T23:00:00.000Z');
  });
  it('begins a summer day at 22:00 UTC the evening before', () => {
    assert.equal(copenhagenMidnight('2026-07-01').toISOString(), '2026-06-30T22:00:00.000Z');
  });
  it('begins the day of the spring DST change in winter time', () => {
    assert.equal(copenhagenMidnight('2026-03-29').toISOString(), '2026-03-28T23:00:00.000Z');
  });
  it('steps to the next day across a month and a year end', () => {
    assert.equal(nextDay('2026-02-28'), '2026-03-01');
    assert.equal(nextDay('2026-12-31'), '2027-01-01');
  });
});
