import 'reflect-metadata';
import { loadConfig } from './config';
import { startServer } from './http/server';

/** `npm start`: serve until SIGTERM/SIGINT, then drain requests in flight and exit. */
async function main(): Promise<void> {
  const config = loadConfig();
  const server = await startServer({ config, port: config.port });
  console.log(`Waypoint: GraphQL ${server.url}/graphql  GraphiQL ${server.url}/graphiql`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: draining requests in flight`);
    await server.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
