/**
 * Shelter nights (access model §8): a night is named by its start date, and a moment before
 * NIGHT_STARTS_AT (default 06:00) belongs to the previous night.
 */
import { addDays, localToday } from '../../database/sql-time';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isTimeOfDay(value: string): boolean {
  return HHMM.test(value);
}

/** NIGHT_STARTS_AT, HH:MM (default 06:00). */
export function nightStartsAt(): string {
  const value = process.env.NIGHT_STARTS_AT ?? '06:00';
  if (!isTimeOfDay(value)) throw new Error(`NIGHT_STARTS_AT must be HH:MM, got ${value}`);
  return value;
}

/** SHELTER_EXIT_AFTER_DAYS (default 7): days without a bed night before the sweep exits a night-by-night enrollment. */
export function shelterExitAfterDays(): number {
  const days = Number(process.env.SHELTER_EXIT_AFTER_DAYS ?? '7');
  if (!Number.isInteger(days) || days < 1)
    throw new Error('SHELTER_EXIT_AFTER_DAYS must be a positive integer');
  return days;
}

/** The local time of day, HH:MM. */
export function timeOfDay(now: Date): string {
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

/** The night `now` belongs to: today's date, or yesterday's before NIGHT_STARTS_AT. */
export function nightOf(now: Date = new Date()): string {
  const today = localToday(now);
  return timeOfDay(now) < nightStartsAt() ? addDays(today, -1) : today;
}

/**
 * Whether an ACTIVE reservation still holds its place on `night` at `now`: every later night,
 * and the current night until the facility's hold time on the evening it starts (computed at
 * read time, so nothing goes stale when a sweep is late). No hold time: until the night ends.
 */
export function holdsOn(night: string, holdTime: string | null, now: Date = new Date()): boolean {
  const current = nightOf(now);
  if (night > current) return true;
  if (night < current) return false;
  if (!holdTime) return true;
  return localToday(now) === night && timeOfDay(now) < holdTime;
}
