/**
 * The TypeORM CLI's data source (`npm run db:migration:generate`, `typeorm migration:run`).
 * It reads the same environment as the server: DATABASE_URL for MySQL, else the SQLite file.
 */
import 'reflect-metadata';
import { loadConfig } from './src/config';
import { createDataSource } from './src/database/data-source';

export default createDataSource(loadConfig());
