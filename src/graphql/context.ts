import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { AccessContext } from '../access/access-context';
import type { Config } from '../config';
import type { Loaders } from './loaders';

/** What every resolver receives. Created per request; nothing in it outlives the request. */
export interface RequestContext {
  requestId: string;
  /**
   * Where this operation reads and writes: the primary, or for a query a read replica
   * (src/database/replicas.ts). Queries only read through it.
   */
  ds: DataSource;
  /** The primary database: writes, the session, and the read-audit row always go here. */
  primary: DataSource;
  /** The session wrote within READ_YOUR_WRITES_SECONDS, so its reads stay on the primary. */
  readFromPrimary: boolean;
  config: Config;
  log: Logger;
  /** The caller's session and access, or null without a valid session. */
  access: AccessContext | null;
  /** The raw bearer token (needed by logout). */
  token: string | null;
  loaders: Loaders;
  /** Client-level reads of this request, written to the audit log once at the end. */
  reads: ReadLog;
}

/** Collects which clients and sensitive fields a request resolved (access model §6). */
export class ReadLog {
  readonly clientIds = new Set<number>();
  readonly fields = new Set<string>();

  client(id: number): void {
    this.clientIds.add(id);
  }

  field(coordinate: string): void {
    this.fields.add(coordinate);
  }

  get empty(): boolean {
    return this.clientIds.size === 0;
  }
}

/** The access context of a caller who has selected a context and may act (READY). */
export function readyAccess(ctx: RequestContext): AccessContext {
  if (!ctx.access?.ready) throw new Error('resolver reached without a ready access context');
  return ctx.access;
}
