/**
 * One server under test, in its own process (so its resident memory is its own and the load
 * generator's is not counted). Started by run.ts with BENCH_MODE and BENCH_DATABASE_URL; talks
 * over the IPC channel:
 *
 *   -> { type: 'ready', url }                       once listening
 *   <- { cmd: 'stmts:start' } -> { type: 'stmts:started' }; { cmd: 'stmts:stop' } -> { type: 'stmts', statements }
 *   <- { cmd: 'rss:start' } -> { type: 'rss:started' }; { cmd: 'rss:stop' } -> { type: 'rss', samples } (bytes, every 100 ms)
 *   <- { cmd: 'exit' }
 *
 * Every mode runs the real startServer (src/http/server.ts), so HTTP, body parsing, limits,
 * the context (one-statement session load, loaders, read log) and the audit plugin are the
 * same; only the schema differs:
 *
 *   prod   buildAppSchema: shield on Query/Mutation + the synchronous field guard
 *   bare   buildBareSchema: no authorization middleware
 *   naive  test/bench/naive/: shield on every field, per-row rules, N+1 resolvers
 *
 * StartOptions has no schema option, so for bare and naive this process swaps buildAppSchema
 * in its own module cache before it loads server.ts (the way jest.mock would). If startServer
 * ever takes a schema, pass it instead.
 */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { createDataSource } from '../../src/database/data-source';
import * as schemaModule from '../../src/graphql/schema';
import type { RunningServer, StartOptions } from '../../src/http/server';
import { benchConfig } from './dataset';
import { buildNaiveSchema } from './naive/schema';
import { StatementLog } from './statement-log';

export type ServerMode = 'prod' | 'bare' | 'naive';

type Command = { cmd: 'stmts:start' | 'stmts:stop' | 'rss:start' | 'rss:stop' | 'exit' };

/** Makes startServer build `variant` instead of the production schema (in this process only). */
function substituteSchema(variant: () => Promise<GraphQLSchema>): void {
  const id = require.resolve('../../src/graphql/schema');
  const cached = require.cache[id];
  if (!cached) throw new Error('schema module not loaded');
  if (require.cache[require.resolve('../../src/http/server')])
    throw new Error('server.ts loaded before the schema was substituted');
  cached.exports = { ...schemaModule, buildAppSchema: variant };
}

async function main(): Promise<void> {
  const mode = process.env.BENCH_MODE as ServerMode;
  if (mode === 'bare') substituteSchema(schemaModule.buildBareSchema);
  else if (mode === 'naive') substituteSchema(buildNaiveSchema);
  else if (mode !== 'prod') throw new Error(`unknown BENCH_MODE ${mode}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the substitution above
  const { startServer } = require('../../src/http/server') as {
    startServer: (o: StartOptions) => Promise<RunningServer>;
  };

  const config = benchConfig(process.env.BENCH_DATABASE_URL as string);
  const statements = new StatementLog();
  // The server's own pool size (dataSourceOptions' default), with a statement recorder attached.
  const ds = await createDataSource(config, { logger: statements }).initialize();
  const logLevel = process.env.BENCH_LOG_LEVEL ?? 'silent';
  const server = await startServer({ config, dataSource: ds, port: 0, logLevel, prepare: false });

  let rss: number[] = [];
  let sampler: NodeJS.Timeout | null = null;
  process.on('message', (message: Command) => {
    switch (message.cmd) {
      case 'stmts:start':
        statements.start();
        process.send?.({ type: 'stmts:started' });
        break;
      case 'stmts:stop':
        process.send?.({ type: 'stmts', statements: statements.stop() });
        break;
      case 'rss:start':
        rss = [];
        sampler = setInterval(() => rss.push(process.memoryUsage().rss), 100);
        process.send?.({ type: 'rss:started' });
        break;
      case 'rss:stop':
        if (sampler) clearInterval(sampler);
        sampler = null;
        process.send?.({ type: 'rss', samples: rss });
        break;
      case 'exit':
        void server
          .close()
          .then(() => ds.destroy())
          .finally(() => process.exit(0));
        break;
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready', url: server.url });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
