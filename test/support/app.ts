import type { Logger } from 'typeorm';
import { startServer, type RunningServer } from '../../src/http/server';
import { seedDemo } from '../../seeds/demo';
import { Api } from './api';
import { createTestDatabase, type TestDatabase } from './database';

export type DemoIds = Awaited<ReturnType<typeof seedDemo>>;

export interface TestApp {
  db: TestDatabase;
  server: RunningServer;
  api: Api;
  ids: DemoIds;
  close(): Promise<void>;
}

/** A real server on a random port over a fresh database with the demo scenario loaded. */
export async function startTestApp(key: string, options: { logger?: Logger } = {}): Promise<TestApp> {
  const db = await createTestDatabase(key, options);
  const ids = await seedDemo(db.ds, { password: db.config.seedPassword });
  const server = await startServer({
    config: { ...db.config, host: '127.0.0.1' },
    dataSource: db.ds,
    port: 0,
    logLevel: (process.env.TEST_LOG_LEVEL as 'silent') ?? 'silent',
    prepare: false,
  });
  return {
    db,
    server,
    api: new Api(server.url),
    ids,
    async close() {
      await server.close();
      await db.destroy();
    },
  };
}
