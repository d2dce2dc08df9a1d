/**
 * Migrations in order, per engine. `npm run db:migration:generate -- Name` writes a new file
 * for each engine and appends it here; listing them explicitly (rather than a glob) makes the
 * compiled server, the tests and the CLI load exactly the same set.
 */
import type { MigrationInterface } from 'typeorm';

import { InitSqlite1795328004921 } from './sqlite/1795328004921-Init';

import { InitMysql1795328004921 } from './mysql/1795328004921-Init';

import { LoginThrottleSqlite1795328930651 } from './sqlite/1795328930651-LoginThrottle';

import { LoginThrottleMysql1795328930651 } from './mysql/1795328930651-LoginThrottle';

import { AdminLifecycleSqlite1795329440784 } from './sqlite/1795329440784-AdminLifecycle';

import { AdminLifecycleMysql1795329440784 } from './mysql/1795329440784-AdminLifecycle';

import { ClientReachSqlite1796085612079 } from './sqlite/1796085612079-ClientReach';

import { ClientReachMysql1796085612079 } from './mysql/1796085612079-ClientReach';

import { NavigationSqlite1796164935155 } from './sqlite/1796164935155-Navigation';

import { NavigationMysql1796164935155 } from './mysql/1796164935155-Navigation';

import { HudColumnsSqlite1796164993688 } from './sqlite/1796164993688-HudColumns';

import { HudColumnsMysql1796164993688 } from './mysql/1796164993688-HudColumns';

import { ProjectSetupSqlite1796165290863 } from './sqlite/1796165290863-ProjectSetup';

import { ProjectSetupMysql1796165290863 } from './mysql/1796165290863-ProjectSetup';

import { ReliabilitySqlite1796165438049 } from './sqlite/1796165438049-Reliability';

import { ReliabilityMysql1796165438049 } from './mysql/1796165438049-Reliability';

import { ProjectDescriptorsSqlite1796166577497 } from './sqlite/1796166577497-ProjectDescriptors';

import { ProjectDescriptorsMysql1796166577497 } from './mysql/1796166577497-ProjectDescriptors';

import { SessionLastWriteSqlite1796166840281 } from './sqlite/1796166840281-SessionLastWrite';

import { SessionLastWriteMysql1796166840281 } from './mysql/1796166840281-SessionLastWrite';

import { StewardshipSqlite1796166859296 } from './sqlite/1796166859296-Stewardship';

import { StewardshipMysql1796166859296 } from './mysql/1796166859296-Stewardship';

import { HudRecordsSqlite1796167408626 } from './sqlite/1796167408626-HudRecords';

import { HudRecordsMysql1796167408626 } from './mysql/1796167408626-HudRecords';

import { CoordinatedEntrySqlite1796167488812 } from './sqlite/1796167488812-CoordinatedEntry';

import { CoordinatedEntryMysql1796167488812 } from './mysql/1796167488812-CoordinatedEntry';

import { HousingSqlite1796169440685 } from './sqlite/1796169440685-Housing';

import { HousingMysql1796169440685 } from './mysql/1796169440685-Housing';

import { HouseholdIndexSqlite1796173123890 } from './sqlite/1796173123890-HouseholdIndex';

import { HouseholdIndexMysql1796173123890 } from './mysql/1796173123890-HouseholdIndex';

type MigrationClass = new () => MigrationInterface;

export const MYSQL_MIGRATIONS: MigrationClass[] = [InitMysql1795328004921, LoginThrottleMysql1795328930651, AdminLifecycleMysql1795329440784, ClientReachMysql1796085612079, NavigationMysql1796164935155, HudColumnsMysql1796164993688, ProjectSetupMysql1796165290863, ReliabilityMysql1796165438049, ProjectDescriptorsMysql1796166577497, SessionLastWriteMysql1796166840281, StewardshipMysql1796166859296, HudRecordsMysql1796167408626, CoordinatedEntryMysql1796167488812, HousingMysql1796169440685, HouseholdIndexMysql1796173123890];

export const SQLITE_MIGRATIONS: MigrationClass[] = [InitSqlite1795328004921, LoginThrottleSqlite1795328930651, AdminLifecycleSqlite1795329440784, ClientReachSqlite1796085612079, NavigationSqlite1796164935155, HudColumnsSqlite1796164993688, ProjectSetupSqlite1796165290863, ReliabilitySqlite1796165438049, ProjectDescriptorsSqlite1796166577497, SessionLastWriteSqlite1796166840281, StewardshipSqlite1796166859296, HudRecordsSqlite1796167408626, CoordinatedEntrySqlite1796167488812, HousingSqlite1796169440685, HouseholdIndexSqlite1796173123890];
