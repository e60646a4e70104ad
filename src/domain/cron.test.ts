import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CronExpressionError, nextRun, parseCron } from './cron.ts';

// Copenhagen 2026: summer time starts Sunday 29 March at 01:00 UTC (02:00 CET → 03:00 CEST) and ends
// Sunday 25 October at 01:00 UTC (03:00 CEST → 02:00 CET).
const cases: { name: string; cron: string; after: string; expected: string; timeZone?: string }[] = [
  { name: 'a nightly 02:00 in winter is 01:00 UTC', cron: '0 2 * * *', after: '2026-01-10T12:00:00Z', expected: '2026-01-11T01:00:00.000Z' },
  { name: 'a nightly 02:00 in summer is 00:00 UTC', cron: '0 2 * * *', after: '2026-07-10T12:00:00Z', expected: '2026-07-11T00:00:00.000Z' },
  { name: 'every quarter hour takes the next quarter', cron: '*/15 * * * *', after: '2026-01-10T10:07:30Z', expected: '2026-01-10T10:15:00.000Z' },
  { name: 'the result is strictly after the given time', cron: '*/15 * * * *', after: '2026-01-10T10:15:00Z', expected: '2026-01-10T10:30:00.000Z' },
  { name: 'every minute is the next whole minute', cron: '* * * * *', after: '2026-01-10T10:15:59.999Z', expected: '2026-01-10T10:16:00.000Z' },
  { name: 'weekdays 09:00 jump from Friday to Monday', cron: '0 9 * * 1-5', after: '2026-01-09T09:00:00Z', expected: '2026-01-12T08:00:00.000Z' },
  { name: 'a list of hours takes the next one', cron: '0 8,12,16 * * *', after: '2026-01-10T11:30:00Z', expected: '2026-01-10T15:00:00.000Z' },
  { name: 'a stepped range stays inside the range', cron: '0 8-16/4 * * *', after: '2026-01-10T15:30:00Z', expected: '2026-01-11T07:00:00.000Z' },
  { name: 'New Year in Copenhagen is 23:00 UTC the day before', cron: '0 0 1 1 *', after: '2026-03-01T00:00:00Z', expected: '2026-12-31T23:00:00.000Z' },
  { name: 'day 7 of the week is Sunday too', cron: '0 10 * * 7', after: '2026-01-05T00:00:00Z', expected: '2026-01-11T09:00:00.000Z' },
  { name: 'day of month or day of week when both are given', cron: '0 12 13 * 5', after: '2026-01-10T00:00:00Z', expected: '2026-01-13T11:00:00.000Z' },
  { name: 'the 31st skips months without one', cron: '0 6 31 * *', after: '2026-04-01T00:00:00Z', expected: '2026-05-31T04:00:00.000Z' },
  { name: '29 February waits for a leap year', cron: '0 0 29 2 *', after: '2026-03-01T00:00:00Z', expected: '2028-02-28T23:00:00.000Z' },
  { name: 'another time zone is honoured', cron: '0 2 * * *', after: '2026-07-10T12:00:00Z', expected: '2026-07-11T02:00:00.000Z', timeZone: 'UTC' },
  // Spring: 02:00–02:59 does not exist on 29 March 2026.
  { name: 'spring: a fixed 02:00 runs right after the jump (03:00 CEST)', cron: '0 2 * * *', after: '2026-03-28T12:00:00Z', expected: '2026-03-29T01:00:00.000Z' },
  { name: 'spring: a fixed 02:30 also runs at the jump', cron: '30 2 * * *', after: '2026-03-28T12:00:00Z', expected: '2026-03-29T01:00:00.000Z' },
  { name: 'spring: the day after is summer time again', cron: '0 2 * * *', after: '2026-03-29T01:00:00Z', expected: '2026-03-30T00:00:00.000Z' },
  { name: 'spring: every half hour goes from 01:30 CET to 03:00 CEST', cron: '*/30 * * * *', after: '2026-03-29T00:30:00Z', expected: '2026-03-29T01:00:00.000Z' },
  { name: 'spring: an hourly :30 skips the missing 02:30', cron: '30 * * * *', after: '2026-03-29T00:30:00Z', expected: '2026-03-29T01:30:00.000Z' },
  { name: 'spring: a fixed 03:00 runs once at 03:00 CEST', cron: '0 3 * * *', after: '2026-03-28T12:00:00Z', expected: '2026-03-29T01:00:00.000Z' },
  // Autumn: 02:00–02:59 happens twice on 25 October 2026.
  { name: 'autumn: a fixed 02:30 runs at the first 02:30 (CEST)', cron: '30 2 * * *', after: '2026-10-24T12:00:00Z', expected: '2026-10-25T00:30:00.000Z' },
  { name: 'autumn: a fixed 02:30 does not run again at 02:30 CET', cron: '30 2 * * *', after: '2026-10-25T00:30:00Z', expected: '2026-10-26T01:30:00.000Z' },
  { name: 'autumn: an hourly schedule runs in both 02:00 hours', cron: '0 * * * *', after: '2026-10-25T00:00:00Z', expected: '2026-10-25T01:00:00.000Z' },
  { name: 'autumn: every quarter hour keeps going through the repeated hour', cron: '*/15 * * * *', after: '2026-10-25T00:45:00Z', expected: '2026-10-25T01:00:00.000Z' },
  { name: 'autumn: a fixed 03:00 runs once, in winter time', cron: '0 3 * * *', after: '2026-10-24T12:00:00Z', expected: '2026-10-25T02:00:00.000Z' },
];

describe('nextRun', () => {
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(nextRun(c.cron, new Date(c.after), c.timeZone).toISOString(), c.expected);
    });
  }

  it('runs a nightly 02:00 schedule exactly once on every day of 2026, both DST days included', () => {
    const runs: Date[] = [];
    let at = new Date('2025-12-31T12:00:00Z');
    for (;;) {
      at = nextRun('0 2 * * *', at);
      if (at >= new Date('2026-12-31T12:00:00Z')) break;
      runs.push(at);
    }
    assert.equal(runs.length, 365);
    const localDays = new Set(runs.map((run) => run.toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' })));
    assert.equal(localDays.size, 365);
  });

  it('runs a quarter-hourly schedule every 15 real minutes across both DST changes', () => {
    for (const from of ['2026-03-28T23:00:00Z', '2026-10-24T23:00:00Z']) {
      let at = new Date(from);
      for (let i = 0; i < 16; i++) {
        const next = nextRun('*/15 * * * *', at);
        assert.equal(next.getTime() - at.getTime(), 15 * 60_000, `after ${at.toISOString()}`);
        at = next;
      }
    }
  });
});

describe('parseCron', () => {
  const invalid: { cron: string; mentions: string[] }[] = [
    { cron: '', mentions: ['5 felter', 'har 0'] },
    { cron: '* * * *', mentions: ['5 felter', 'har 4'] },
    { cron: '60 * * * *', mentions: ['minut', '"60"', 'mellem 0 og 59'] },
    { cron: '* 24 * * *', mentions: ['time', '"24"', 'mellem 0 og 23'] },
    { cron: '* * 0 * *', mentions: ['dag i måneden', '"0"'] },
    { cron: '* * * 13 *', mentions: ['måned', '"13"'] },
    { cron: '* * * * 8', mentions: ['ugedag', '"8"'] },
    { cron: '*/0 * * * *', mentions: ['minut', 'trinnet "0"'] },
    { cron: '5-1 * * * *', mentions: ['minut', 'baglæns'] },
    { cron: 'a * * * *', mentions: ['minut', '"a" er ikke et tal'] },
    { cron: '1,,2 * * * *', mentions: ['minut', 'tom værdi'] },
    { cron: '0 0 30 2 *', mentions: ['dag i måneden', 'findes aldrig'] },
  ];
  for (const c of invalid) {
    it(`rejects "${c.cron}" with a Danish message naming the field and value`, () => {
      assert.throws(
        () => parseCron(c.cron),
        (error: unknown) => {
          assert.ok(error instanceof CronExpressionError);
          assert.equal(error.code, 'validation');
          for (const text of c.mentions) assert.ok(error.message.includes(text), `"${error.message}" should mention ${text}`);
          return true;
        },
      );
    });
  }

  it('reads lists, ranges and steps', () => {
    const schedule = parseCron('*/20 1-3,22 1,15 */6 1-5');
    assert.deepEqual([...schedule.minutes], [0, 20, 40]);
    assert.deepEqual([...schedule.hours], [1, 2, 3, 22]);
    assert.deepEqual([...schedule.daysOfMonth], [1, 15]);
    assert.deepEqual([...schedule.months], [1, 7]);
    assert.deepEqual([...schedule.daysOfWeek], [1, 2, 3, 4, 5]);
    assert.equal(schedule.fixedTime, false);
    assert.equal(parseCron('30 2 * * *').fixedTime, true);
  });
});
