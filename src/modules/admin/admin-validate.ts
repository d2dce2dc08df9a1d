/** Validation shared by the setup services: addresses, contacts, dates. */
import { badInput } from '../../graphql/errors';
import { optionalText } from '../../graphql/validate';

export function stateCode(field: string, value: string | null | undefined): string | null {
  const text = optionalText(field, value, 2)?.toUpperCase() ?? null;
  if (text !== null && !/^[A-Z]{2}$/.test(text)) throw badInput(field, 'must be a two-letter state code');
  return text;
}

export function zipCode(field: string, value: string | null | undefined): string | null {
  const text = optionalText(field, value, 10);
  if (text !== null && !/^[0-9]{5}(-[0-9]{4})?$/.test(text))
    throw badInput(field, 'must be five digits, or ZIP+4 (12345-6789)');
  return text;
}

export function email(field: string, value: string | null | undefined): string | null {
  const text = optionalText(field, value, 200);
  if (text !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text))
    throw badInput(field, 'is not an email address');
  return text;
}
