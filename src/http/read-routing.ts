import type { ApolloServerPlugin } from '@apollo/server';
import { markSessionWrite } from '../auth/session-store';
import type { ReadRouting } from '../database/replicas';
import type { RequestContext } from '../graphql/context';
import { Loaders } from '../graphql/loaders';
import { databaseError, databaseTrouble } from './errors';

/**
 * Read replicas: a query of a session that has not written lately reads from a replica (its
 * session load and read-audit row stay on the primary); a mutation first marks its session as
 * having written, on the primary, so the session's next reads follow it there.
 */
export function readRoutingPlugin(routing: ReadRouting): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue: ctx, operation }) {
          if (operation?.operation === 'mutation') {
            if (ctx.ds !== ctx.primary) throw new Error('a mutation must not run on a read replica');
            if (!ctx.access) return;
            try {
              await markSessionWrite(ctx.primary, ctx.access.facts.sessionId);
            } catch (err) {
              const trouble = databaseTrouble(err);
              if (!trouble) throw err;
              ctx.log.warn({ err }, 'session write mark failed');
              throw databaseError(trouble);
            }
            return;
          }
          // Apollo Server gives each operation of a batch its own shallow copy of the context,
          // so setting ds here never reaches the batch's mutations.
          const ds = routing.forRead(ctx.readFromPrimary);
          if (ds === ctx.ds) return;
          ctx.ds = ds;
          ctx.loaders = new Loaders(ds, ctx.access, ctx.reads);
        },
        async willSendResponse({ contextValue: ctx, response }) {
          if (ctx.ds === ctx.primary || response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (errors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) routing.failed(ctx.ds);
        },
      };
    },
  };
}
