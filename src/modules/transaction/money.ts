import type { ValueTransformer } from 'typeorm';

/** Dollar amounts are DECIMAL(10,2): MariaDB answers them as text, SQLite as numbers; the API speaks numbers. */
export const MONEY: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};
