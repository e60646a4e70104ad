// Danish users mean Danish days: "til og med 3. marts" ends at midnight in Copenhagen, not in UTC.

/** The instant a calendar day (YYYY-MM-DD) begins in Europe/Copenhagen. */
export function copenhagenMidnight(day: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  // At 00:00 UTC Copenhagen shows 01:00 (CET) or 02:00 (CEST); DST never changes at that hour.
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', hourCycle: 'h23' }).format(new Date(utcMidnight));
  return new Date(utcMidnight - Number(hour) * 3_600_000);
}

/** The day after a YYYY-MM-DD day, as YYYY-MM-DD. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
