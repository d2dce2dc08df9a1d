/** Input checks that name the field at fault (`input.entryDate: ...`) and answer BAD_USER_INPUT. */
import { badInput } from './errors';
import { parseId } from './connection';

export function maxLength(field: string, value: string | null | undefined, max: number): void {
  if (value !== null && value !== undefined && value.length > max)
    throw badInput(field, `must be at most ${max} characters`);
}

export function requiredText(field: string, value: string | null | undefined, max: number): string {
  const text = value?.trim() ?? '';
  if (!text) throw badInput(field, 'must not be empty');
  maxLength(field, text, max);
  return text;
}

/** Trims optional text; empty becomes null. */
export function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  maxLength(field, text, max);
  return text === '' ? null : text;
}

export function notAfter(field: string, date: string, limit: string, what: string): void {
  if (date > limit) throw badInput(field, `${date} is after ${what} (${limit})`);
}

/**
 * `date` not before `limit`. Pass `quoted: null` when the caller may not read the limit (e.g. a
 * date of birth without client.dob:read; see read-policy.ts quoteField): the message then
 * names the limit without quoting it.
 */
export function notBefore(
  field: string,
  date: string,
  limit: string,
  what: string,
  quoted: string | null = limit,
): void {
  if (date < limit)
    throw badInput(
      field,
      quoted === null ? `${date} is before ${what}` : `${date} is before ${what} (${quoted})`,
    );
}

/** An ID argument that must name an existing record; malformed ids are reported like unknown ones. */
export function requiredId(field: string, id: string | number): number {
  const parsed = parseId(id);
  if (parsed === null) throw badInput(field, 'no record with this id');
  return parsed;
}

export function oneOf<T>(field: string, value: T, allowed: ReadonlySet<T>, what: string): void {
  if (!allowed.has(value)) throw badInput(field, `is not a valid ${what}`);
}
