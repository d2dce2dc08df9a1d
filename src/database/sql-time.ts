/**
 * Timestamps in the form both engines compare correctly: TypeORM stores SQLite datetimes as
 * UTC text 'YYYY-MM-DD HH:MM:SS.SSS', and MySQL (timezone 'Z') parses the same text as UTC.
 */
export function sqlTimestamp(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** The Date of a UTC `YYYY-MM-DD HH:MM:SS[.SSS]` text (`sqlTimestamp`'s form, and HUD CSV's). */
export function fromSqlTimestamp(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}Z`);
}

/** Today's date, `YYYY-MM-DD`, in the server's time zone (set TZ to the CoC's zone). */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** `YYYY-MM-DD` plus `days` (negative for the past). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
