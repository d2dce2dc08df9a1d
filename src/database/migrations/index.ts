/**
 * Migrations in order, per engine. `npm run db:migration:generate -- Name` writes a new file
 * for each engine and appends it here; listing them explicitly (rather than a glob) makes the
 * compiled server, the tests and the CLI load exactly the same set.
 */
import type { MigrationInterface } from 'typeorm';

import { InitSqlite1795328004921 } from './sqlite/1795328004921-Init';

import { InitMysql1795328004921 } from './mysql/1795328004921-Init';

type MigrationClass = new () => MigrationInterface;

export const MYSQL_MIGRATIONS: MigrationClass[] = [InitMysql1795328004921];

export const SQLITE_MIGRATIONS: MigrationClass[] = [InitSqlite1795328004921];
