/** Date and time as Danes read them, in Danish time. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return '–';
  return new Date(value).toLocaleString('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short' });
}
