// Cron schedules in Danish local time ("hver nat kl. 02:00" means 02:00 on the clock in Copenhagen,
// winter and summer). Five fields: minute hour day-of-month month day-of-week, with `*`, lists, ranges
// and steps. Pure: no I/O, the time zone's rules come from Intl.
//
// Daylight saving follows Vixie cron, the behaviour administrators know: a schedule at a fixed time
// (neither minute nor hour starts with `*`) runs once a day even when its time is skipped in spring
// (it runs right after the jump, 03:00) or repeated in autumn (first occurrence only). A wildcard
// schedule (`*/15 * * * *`, `0 * * * *`) follows real time: it runs in both copies of the repeated
// hour and not in the skipped one.
import { AppError } from './errors.ts';

interface FieldSpec {
  name: string;
  min: number;
  max: number;
}

const fieldSpecs: readonly FieldSpec[] = [
  { name: 'minut', min: 0, max: 59 },
  { name: 'time', min: 0, max: 23 },
  { name: 'dag i måneden', min: 1, max: 31 },
  { name: 'måned', min: 1, max: 12 },
  { name: 'ugedag', min: 0, max: 7 },
];

export class CronExpressionError extends AppError {
  constructor(
    readonly expression: string,
    readonly field: string | undefined,
    readonly value: string | undefined,
    problem: string,
  ) {
    const where = field === undefined ? '' : ` – feltet ${field} ("${value}")`;
    const message = `Ugyldigt cron-udtryk "${expression}"${where}: ${problem}`;
    super('validation', message, { fields: [{ field: 'cron', message }] });
    this.name = 'CronExpressionError';
  }
}

export interface CronSchedule {
  readonly expression: string;
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly daysOfMonth: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  /** 0 = Sunday … 6 = Saturday (7 in the expression is read as Sunday). */
  readonly daysOfWeek: ReadonlySet<number>;
  /** Vixie cron: when both day fields are restricted, a day matches if either does. */
  readonly dayOfMonthRestricted: boolean;
  readonly dayOfWeekRestricted: boolean;
  /** Neither minute nor hour starts with `*`: runs once at a wall-clock time (see DST above). */
  readonly fixedTime: boolean;
}

function parseNumber(text: string, spec: FieldSpec, fail: (problem: string) => never): number {
  if (!/^\d+$/.test(text)) fail(`"${text}" er ikke et tal`);
  const value = Number(text);
  if (value < spec.min || value > spec.max) fail(`${value} skal være mellem ${spec.min} og ${spec.max}`);
  return value;
}

function parseField(text: string, spec: FieldSpec, expression: string): Set<number> {
  const fail = (problem: string): never => {
    throw new CronExpressionError(expression, spec.name, text, problem);
  };
  const values = new Set<number>();
  for (const part of text.split(',')) {
    if (part === '') fail('tom værdi i listen');
    const [rangeText = '', stepText, ...rest] = part.split('/');
    if (rest.length > 0) fail(`"${part}" har mere end ét "/"`);
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) === 0) fail(`trinnet "${stepText}" skal være et helt tal større end 0`);
      step = Number(stepText);
    }
    let from: number;
    let to: number;
    if (rangeText === '*') {
      [from, to] = [spec.min, spec.max];
    } else if (rangeText.includes('-')) {
      const [fromText = '', toText = '', ...more] = rangeText.split('-');
      if (more.length > 0) fail(`"${rangeText}" er ikke et interval`);
      from = parseNumber(fromText, spec, fail);
      to = parseNumber(toText, spec, fail);
      if (from > to) fail(`intervallet ${from}-${to} går baglæns`);
    } else {
      from = parseNumber(rangeText, spec, fail);
      // "5/15" means from 5 to the end in steps of 15, as in most cron implementations.
      to = stepText === undefined ? from : spec.max;
    }
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
}

const daysInMonthAtMost = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Parses a 5-field cron expression; throws CronExpressionError naming the field and value. */
export function parseCron(expression: string): CronSchedule {
  const fields = expression.trim().split(/\s+/).filter((field) => field !== '');
  if (fields.length !== 5) {
    throw new CronExpressionError(
      expression,
      undefined,
      undefined,
      `skal have 5 felter (minut time dag-i-måneden måned ugedag), men har ${fields.length}`,
    );
  }
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields as [string, string, string, string, string];
  const weekdays = parseField(dayOfWeek, fieldSpecs[4]!, expression);
  if (weekdays.delete(7)) weekdays.add(0);
  const schedule: CronSchedule = {
    expression,
    minutes: parseField(minute, fieldSpecs[0]!, expression),
    hours: parseField(hour, fieldSpecs[1]!, expression),
    daysOfMonth: parseField(dayOfMonth, fieldSpecs[2]!, expression),
    months: parseField(month, fieldSpecs[3]!, expression),
    daysOfWeek: weekdays,
    dayOfMonthRestricted: !dayOfMonth.startsWith('*'),
    dayOfWeekRestricted: !dayOfWeek.startsWith('*'),
    fixedTime: !minute.startsWith('*') && !hour.startsWith('*'),
  };
  const dayCanOccur = [...schedule.months].some((m) => [...schedule.daysOfMonth].some((d) => d <= daysInMonthAtMost[m - 1]!));
  if (schedule.dayOfMonthRestricted && !schedule.dayOfWeekRestricted && !dayCanOccur) {
    throw new CronExpressionError(expression, 'dag i måneden', dayOfMonth, `dagen findes aldrig i måned ${month}`);
  }
  return schedule;
}

// --- Local time through Intl -------------------------------------------------------------------------

const MINUTE = 60_000;
const DAY = 86_400_000;

interface LocalTime {
  /** The wall-clock time written as if it were UTC: Date.UTC(year, month - 1, day, hour, minute). */
  wall: number;
  /** wall − instant, in milliseconds (3 600 000 for CET, 7 200 000 for CEST). */
  offset: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localTime(instant: number, timeZone: string): LocalTime {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const part: Record<string, number> = {};
  for (const { type, value } of formatter.formatToParts(instant)) part[type] = Number(value);
  const wall = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!);
  return { wall, offset: wall - Math.floor(instant / MINUTE) * MINUTE };
}

function dayMatches(schedule: CronSchedule, wall: Date): boolean {
  if (!schedule.months.has(wall.getUTCMonth() + 1)) return false;
  const byMonthDay = schedule.daysOfMonth.has(wall.getUTCDate());
  const byWeekday = schedule.daysOfWeek.has(wall.getUTCDay());
  if (schedule.dayOfMonthRestricted && schedule.dayOfWeekRestricted) return byMonthDay || byWeekday;
  return byMonthDay && byWeekday;
}

function wallMatches(schedule: CronSchedule, wallTime: number): boolean {
  const wall = new Date(wallTime);
  return dayMatches(schedule, wall) && schedule.hours.has(wall.getUTCHours()) && schedule.minutes.has(wall.getUTCMinutes());
}

/** Minutes of wall-clock time to move forward from `wall` towards the next possible match (0 = match). */
function minutesToNextCandidate(schedule: CronSchedule, wallTime: number): number {
  const wall = new Date(wallTime);
  const minuteOfDay = wall.getUTCHours() * 60 + wall.getUTCMinutes();
  if (!dayMatches(schedule, wall)) return 24 * 60 - minuteOfDay;
  if (!schedule.hours.has(wall.getUTCHours())) return 60 - wall.getUTCMinutes();
  for (let minute = wall.getUTCMinutes(); minute < 60; minute++) {
    if (schedule.minutes.has(minute)) return minute - wall.getUTCMinutes();
  }
  return 60 - wall.getUTCMinutes();
}

/**
 * Moves `minutes` of wall-clock time forward from `instant`. If the clocks change on the way, stops at
 * the first instant with the new offset, so no instant after the change is skipped unseen.
 */
function advance(instant: number, minutes: number, offset: number, timeZone: string): number {
  const target = instant + minutes * MINUTE;
  if (minutes === 1 || localTime(target, timeZone).offset === offset) return target;
  let [low, high] = [instant, target]; // offset(low) = offset, offset(high) ≠ offset
  while (high - low > MINUTE) {
    const middle = low + Math.floor((high - low) / MINUTE / 2) * MINUTE;
    if (localTime(middle, timeZone).offset === offset) low = middle;
    else high = middle;
  }
  return high;
}

/** True when the wall-clock time of `instant` already occurred earlier (the repeated autumn hour). */
function isRepeatedWallTime(instant: number, local: LocalTime, timeZone: string): boolean {
  const earlierOffset = localTime(instant - DAY, timeZone).offset;
  if (earlierOffset <= local.offset) return false;
  return localTime(instant - (earlierOffset - local.offset), timeZone).wall === local.wall;
}

/** When the clocks jumped forward just before `local`, does a skipped wall-clock time match? */
function skippedTimeMatches(schedule: CronSchedule, local: LocalTime, jump: number): boolean {
  for (let wall = local.wall - jump; wall < local.wall; wall += MINUTE) {
    if (wallMatches(schedule, wall)) return true;
  }
  return false;
}

/** How far ahead to look: a 29 February schedule may wait 8 years (2096 → 2104). */
const searchLimit = 8 * 366 * DAY;

/**
 * The first instant strictly after `after` at which the schedule runs, in `timeZone` local time.
 * Skips whole days and hours that cannot match, so a yearly schedule costs a few hundred steps.
 */
export function nextRun(expression: string | CronSchedule, after: Date, timeZone = 'Europe/Copenhagen'): Date {
  const schedule = typeof expression === 'string' ? parseCron(expression) : expression;
  const start = after.getTime();
  let instant = Math.floor(start / MINUTE) * MINUTE + MINUTE;
  let previousOffset = localTime(start, timeZone).offset;
  while (instant - start <= searchLimit) {
    const local = localTime(instant, timeZone);
    const jump = local.offset - previousOffset;
    // `advance` stops exactly at a change of offset, so `instant` is the moment the clocks jumped.
    if (jump > 0 && schedule.fixedTime && skippedTimeMatches(schedule, local, jump)) return new Date(instant);
    previousOffset = local.offset;
    let minutes = minutesToNextCandidate(schedule, local.wall);
    if (minutes === 0) {
      if (!schedule.fixedTime || !isRepeatedWallTime(instant, local, timeZone)) return new Date(instant);
      minutes = 1;
    }
    instant = advance(instant, minutes, local.offset, timeZone);
  }
  throw new CronExpressionError(schedule.expression, undefined, undefined, 'udtrykket giver ingen tidspunkter inden for 8 år');
}
