import { TRANSACTION_TYPES } from '../../access/record-types';
import { checkMilitaryYears } from '../../hud/validate';
import type { RequestContext } from '../../graphql/context';
import { readyAccess } from '../../graphql/context';
import { countVisibleClients, refreshClientReach } from '../../access/reach';
import type { EntityManager } from 'typeorm';
import {
  clientReachVisibility,
  clientVisibility,
  TRANSACTION_TABLES,
  transactionVisibility,
  type TransactionTable,
  type VisibilityScope,
} from '../../access/visibility';
import { assertMayEdit } from '../../access/write-rules';
import { findVisible } from '../../access/find-visible';
import { updateVersioned } from '../../database/records';
import { hydrateAll } from '../../database/hydrate';
import { columnList } from '../../graphql/selection';
import { localToday } from '../../database/sql-time';
import {
  decodeCursor,
  pageSize,
  parseId,
  toConnection,
  type ConnectionValue,
} from '../../graphql/connection';
import { appError, badInput } from '../../graphql/errors';
import { maxLength, notAfter, notBefore, optionalText, requiredId } from '../../graphql/validate';
import { DobDataQuality, NameDataQuality, SsnDataQuality } from '../../hud';
import { recordChange } from '../audit/audit.service';
import { updateAudited } from '../audit/audited-update';
import { Organization } from '../organization/organization.entity';
import { ReleaseException } from '../admin/information-release.entity';
import { Client } from './client.entity';
import type { CreateClientInput, UpdateClientInput } from './client.inputs';
import { writeTransaction } from '../../database/transactions';
import { refreshMatchKeys } from '../stewardship/match-keys';

export interface ClientListArgs {
  first?: number | null;
  after?: string | null;
  search?: string | null;
  programId?: string | null;
  enrolledFrom?: string | null;
  enrolledTo?: string | null;
}

/**
 * Clients with an enrollment visible to the caller, in a program and/or open at some time
 * between two dates (started on or before `enrolledTo`, not exited before `enrolledFrom`).
 */
function enrollmentCondition(
  args: ClientListArgs,
  scope: VisibilityScope,
): { sql: string; params: unknown[] } | null {
  const { programId, enrolledFrom, enrolledTo } = args;
  if (!programId && !enrolledFrom && !enrolledTo) return null;
  if (enrolledFrom && enrolledTo && enrolledFrom > enrolledTo)
    throw badInput('enrolledFrom', 'is after enrolledTo');
  const conditions = [`pe.client_id = c.id`, transactionVisibility('pe', scope)];
  const params: unknown[] = [];
  if (programId) {
    conditions.push('pe.program_id = ?');
    params.push(parseId(programId) ?? -1);
  }
  if (enrolledTo) {
    conditions.push('pe.entry_date <= ?');
    params.push(enrolledTo);
  }
  if (enrolledFrom) {
    // Only an exit the caller can see ends an enrollment for them (§3: filters over visible
    // records only); otherwise a RESTRICTED exit of another org would drop the client from the
    // list and reveal that it exists and when it happened.
    conditions.push(
      `NOT EXISTS (SELECT 1 FROM enrollment_exit px WHERE px.enrollment_id = pe.id AND ${transactionVisibility('px', scope)} AND px.exit_date < ?)`,
    );
    params.push(enrolledFrom);
  }
  return { sql: `EXISTS (SELECT 1 FROM enrollment pe WHERE ${conditions.join(' AND ')})`, params };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** LIKE pattern for a prefix, with the wildcards of the user's text escaped ('!' works on both engines). */
const prefix = (text: string) => `${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;

/**
 * The page statement of the client list: up to `first + 1` clients (`c`, joined with their
 * reach `cr`) matching `where`, in id order, each with `visible_check` from the full predicate;
 * `columns` of the client (`columnsOf`), null for all.
 */
export function clientPageSql(
  scope: VisibilityScope,
  where: string,
  first: number,
  columns: string[] | null = null,
): string {
  return `SELECT ${columnList('c', columns)}, CASE WHEN ${clientVisibility('c', scope)} THEN 1 ELSE 0 END AS visible_check
       FROM client c JOIN client_reach cr ON cr.client_id = c.id
      WHERE ${where} ORDER BY c.id LIMIT ${Math.trunc(first) + 1}`;
}

/**
 * Visible clients, oldest first, keyset-paged by id. `search` matches each word against the
 * start of the first or last name, or a YYYY-MM-DD date against the date of birth; searching
 * a field the caller may not read is refused (the result would reveal it).
 *
 * The page walks the clients in id order testing each one's reach (two index lookups), then
 * re-checks the rows it returns with the full visibility predicate: should a client's reach
 * ever be out of date, the row is left out and logged rather than shown. The unfiltered total
 * is the organization's maintained count (access/reach/counts.ts); a filtered one counts the
 * matches that pass the full predicate too.
 */
export async function listClients(
  ctx: RequestContext,
  args: ClientListArgs,
  columns: string[] | null = null,
): Promise<ConnectionValue<Client>> {
  const access = readyAccess(ctx);
  const first = pageSize(args.first);
  const after = decodeCursor(args.after, ['number']);
  const where = [clientReachVisibility('c', 'cr', access.scope)];
  const params: unknown[] = [];
  const search = args.search?.trim() ?? '';
  maxLength('search', search, 100);
  for (const word of search.split(/\s+/).filter(Boolean).slice(0, 5)) {
    if (ISO_DATE.test(word)) {
      if (!access.has('client.dob:read'))
        throw appError('FORBIDDEN', 'Searching by date of birth needs permission to read dates of birth.');
      where.push('c.dob = ?');
      params.push(word);
    } else {
      if (!access.has('client.name:read'))
        throw appError('FORBIDDEN', 'Searching by name needs permission to read client names.');
      where.push(`(c.first_name LIKE ? ESCAPE '!' OR c.last_name LIKE ? ESCAPE '!')`);
      params.push(prefix(word), prefix(word));
    }
  }
  const enrollmentFilter = enrollmentCondition(args, access.scope);
  if (enrollmentFilter) {
    where.push(enrollmentFilter.sql);
    params.push(...enrollmentFilter.params);
  }
  const filtered = where.length > 1;
  const filter = where.join(' AND ');
  const keyset = after ? ' AND c.id > ?' : '';
  const rows: Record<string, unknown>[] = await ctx.ds.query(
    clientPageSql(access.scope, `${filter}${keyset}`, first, columns),
    after ? [...params, after[0]] : params,
  );
  const stale = rows.filter((r) => Number(r.visible_check) !== 1);
  if (stale.length) {
    ctx.log.error(
      { clientIds: stale.map((r) => Number(r.id)) },
      'client reach out of date: clients left out of the list; run npm run db:reach -- check',
    );
  }
  const clients = hydrateAll(
    ctx.ds,
    Client,
    stale.length ? rows.filter((r) => Number(r.visible_check) === 1) : rows,
  );
  for (const c of clients.slice(0, first)) {
    // Only a whole row may answer the client loader's other callers.
    if (!columns) ctx.loaders.client.prime(c.id, c);
    ctx.reads.client(c.id);
  }
  return toConnection(
    clients,
    first,
    (c) => [c.id],
    async () => {
      if (!filtered) return countVisibleClients(ctx.ds, access.scope);
      const [{ n }] = await ctx.ds.query(
        // Re-checked with the full predicate, as the page rows are: a stale reach never counts.
        `SELECT COUNT(*) AS n FROM client c JOIN client_reach cr ON cr.client_id = c.id WHERE ${filter} AND ${clientVisibility('c', access.scope)}`,
        params,
      );
      return Number(n);
    },
  );
}

export async function getClient(ctx: RequestContext, id: string): Promise<Client | null> {
  const clientId = parseId(id);
  const client = clientId === null ? null : await ctx.loaders.client.load(clientId);
  if (client) ctx.reads.client(client.id);
  return client;
}

type ClientFields = Omit<CreateClientInput, never>;

/** Validates and normalizes client fields; `existing` supplies values left out of an update. */
function clientValues(input: ClientFields, today: string): Partial<Client> {
  const values: Partial<Client> = {};
  for (const field of ['firstName', 'middleName', 'lastName', 'nameSuffix'] as const) {
    if (input[field] !== undefined) values[field] = optionalText(`input.${field}`, input[field], 50);
  }
  if (input.ssn !== undefined) {
    const ssn = input.ssn === null ? null : input.ssn.replace(/-/g, '');
    if (
      ssn !== null &&
      !/^[0-9]{9}$/.test(ssn) &&
      !(
        /^[0-9xX]{9}$/.test(ssn) &&
        input.ssnDataQuality === SsnDataQuality.APPROXIMATE_OR_PARTIAL_SSN_REPORTED
      )
    ) {
      throw badInput('input.ssn', 'must be nine digits (x for unknown digits with an approximate SSN)');
    }
    values.ssn = ssn;
  }
  checkMilitaryYears('input', input.yearEnteredService, input.yearSeparated, today);
  if (input.dob !== undefined) {
    if (input.dob !== null) {
      notAfter('input.dob', input.dob, today, 'today');
      notBefore('input.dob', input.dob, '1900-01-01', 'the earliest accepted date of birth');
    }
    values.dob = input.dob;
  }
  if (input.raceEthnicity !== undefined) {
    if (input.raceEthnicity && input.raceEthnicity.length > 10)
      throw badInput('input.raceEthnicity', 'has too many entries');
    values.raceEthnicity = input.raceEthnicity
      ? [...new Set(input.raceEthnicity)].sort((a, b) => a - b)
      : null;
  }
  for (const field of [
    'nameDataQuality',
    'ssnDataQuality',
    'dobDataQuality',
    'sex',
    'veteranStatus',
    'yearEnteredService',
    'yearSeparated',
    'worldWarII',
    'koreanWar',
    'vietnamWar',
    'desertStorm',
    'afghanistanOEF',
    'iraqOIF',
    'iraqOND',
    'otherTheater',
    'militaryBranch',
    'dischargeStatus',
  ] as const) {
    if (input[field] !== undefined && input[field] !== null)
      (values as Record<string, unknown>)[field] = input[field];
  }
  if (input.restrictIntake !== undefined && input.restrictIntake !== null)
    values.restrictIntake = input.restrictIntake;
  return values;
}

export async function createClient(ctx: RequestContext, input: CreateClientInput): Promise<Client> {
  const access = readyAccess(ctx);
  const values = clientValues(input, localToday());
  return writeTransaction(ctx.ds, async (m) => {
    const org = await m.getRepository(Organization).findOneByOrFail({ id: access.organizationId as number });
    const client = m.getRepository(Client).create({
      nameDataQuality:
        values.firstName && values.lastName
          ? NameDataQuality.FULL_NAME_REPORTED
          : NameDataQuality.DATA_NOT_COLLECTED,
      ssnDataQuality: values.ssn ? SsnDataQuality.FULL_SSN_REPORTED : SsnDataQuality.DATA_NOT_COLLECTED,
      dobDataQuality: values.dob ? DobDataQuality.FULL_DOB_REPORTED : DobDataQuality.DATA_NOT_COLLECTED,
      ...values,
      // Clients of a victim service provider are always restrict-intake (VAWA).
      restrictIntake: org.victimServiceProvider || (values.restrictIntake ?? false),
      organizationId: org.id,
      createdById: access.userId,
      updatedById: access.userId,
      dateDeleted: null,
    });
    const saved = await m.getRepository(Client).save(client);
    await recordChange(m, ctx, {
      action: 'CREATE',
      operation: 'createClient',
      entityType: 'Client',
      entityId: saved.id,
      clientId: saved.id,
      before: null,
      after: saved,
    });
    await refreshClientReach(m, [saved.id]);
    await refreshMatchKeys(m, [saved.id]);
    return saved;
  });
}

export async function updateClient(
  ctx: RequestContext,
  id: string,
  input: UpdateClientInput,
): Promise<Client> {
  const access = readyAccess(ctx);
  const clientId = requiredId('id', id);
  const { version, ...fields } = input;
  const values = clientValues(fields, localToday());
  return writeTransaction(ctx.ds, async (m) => {
    const before = await findVisible(m, Client, clientId, access.scope);
    if (!before) throw badInput('id', 'no client with this id');
    await assertMayEdit(m, access, 'Client', before.organizationId);
    // V1.2 not before V1.1, between the stored year and the changed one too.
    checkMilitaryYears(
      'input',
      values.yearEnteredService ?? before.yearEnteredService,
      values.yearSeparated ?? before.yearSeparated,
      localToday(),
    );
    const org = await m.getRepository(Organization).findOneByOrFail({ id: before.organizationId });
    if (org.victimServiceProvider && values.restrictIntake === false) {
      throw badInput(
        'input.restrictIntake',
        `${org.name} is a victim service provider: its clients are always restrict-intake`,
      );
    }
    return updateAudited(m, ctx, {
      target: Client,
      typeName: 'Client',
      operation: 'updateClient',
      id: clientId,
      version,
      changes: { ...values, updatedById: access.userId },
      before,
      what: 'This client',
      clientOf: () => clientId,
      matchKeys: true,
    });
  });
}

/** Words for a record table in a refusal ("2 enrollments"). */
/** How a CONFLICT names a table's records: the registry's words (src/access/record-types.ts). */
const RECORD_WORDS = new Map(TRANSACTION_TYPES.map((t) => [t.table, t.words]));

interface LiveRecord {
  table: TransactionTable;
  organizationId: number;
  createdAt: string;
  id: number;
  visible: boolean;
}

/** The client's live (not deleted) records, each marked visible or not to the caller's active org. */
async function liveRecords(
  m: EntityManager,
  clientId: number,
  scope: VisibilityScope,
): Promise<LiveRecord[]> {
  const parts = TRANSACTION_TABLES.map(
    (t) =>
      `SELECT '${t}' AS tbl, x.id AS id, x.organization_id AS org, x.created_at AS created,
              CASE WHEN ${transactionVisibility('x', scope)} THEN 1 ELSE 0 END AS visible
         FROM ${t} x WHERE x.client_id = ? AND x.date_deleted IS NULL`,
  );
  const rows: Array<{
    tbl: TransactionTable;
    id: number | string;
    org: number | string;
    created: unknown;
    visible: unknown;
  }> = await m.query(
    parts.join(' UNION ALL '),
    parts.map(() => clientId),
  );
  return rows.map((r) => ({
    table: r.tbl,
    id: Number(r.id),
    organizationId: Number(r.org),
    createdAt: r.created instanceof Date ? r.created.toISOString() : String(r.created),
    visible: Number(r.visible) === 1,
  }));
}

/**
 * Deletes a client the caller can see (access model §4, issue 10 leak 5). Live records the caller
 * can see block it, named in the CONFLICT. Records the caller cannot see never show through:
 * when only such records remain, the client is not deleted but passes to the organization
 * holding the oldest of them and becomes restrict-intake (audited as a transfer), and the
 * caller gets the same answer as for a deletion.
 */
export async function deleteClient(ctx: RequestContext, id: string, version: number): Promise<boolean> {
  const access = readyAccess(ctx);
  const clientId = requiredId('id', id);
  return writeTransaction(ctx.ds, async (m) => {
    const before = await findVisible(m, Client, clientId, access.scope);
    if (!before) throw badInput('id', 'no client with this id');
    await assertMayEdit(m, access, 'Client', before.organizationId, true);
    const live = await liveRecords(m, clientId, access.scope);
    const visible = live.filter((r) => r.visible);
    if (visible.length) {
      const counts = new Map<TransactionTable, number>();
      for (const r of visible) counts.set(r.table, (counts.get(r.table) ?? 0) + 1);
      const named = TRANSACTION_TABLES.filter((t) => counts.has(t)).map((t) => {
        const n = counts.get(t) as number;
        const words = RECORD_WORDS.get(t) ?? { one: 'record', many: 'records' };
        return `${n} ${n === 1 ? words.one : words.many}`;
      });
      throw appError('CONFLICT', `This client still has ${named.join(', ')}; delete those first.`, {
        records: visible.map((r) => ({ type: r.table, id: String(r.id) })),
      });
    }
    if (live.length) {
      // Only records the caller cannot see remain: keep the client for their owners, hidden.
      const oldest = [...live].sort(
        (a, b) => a.createdAt.localeCompare(b.createdAt) || a.table.localeCompare(b.table) || a.id - b.id,
      )[0];
      await updateVersioned(
        m,
        Client,
        clientId,
        version,
        { organizationId: oldest.organizationId, restrictIntake: true, updatedById: access.userId },
        'This client',
      );
      // For the caller the client is gone, as after a deletion: a release exception to the
      // caller's organization would keep it in sight, so it ends with the deletion.
      const exceptions = await m
        .getRepository(ReleaseException)
        .findBy({ clientId, organizationId: access.scope.organizationId });
      if (exceptions.length && oldest.organizationId !== access.scope.organizationId)
        await m
          .getRepository(ReleaseException)
          .delete({ clientId, organizationId: access.scope.organizationId });
      await recordChange(m, ctx, {
        action: 'UPDATE',
        operation: 'deleteClient',
        entityType: 'Client',
        entityId: clientId,
        clientId,
        before,
        after: {
          ...(await m.getRepository(Client).findOneByOrFail({ id: clientId })),
          transfer: 'kept for the organization holding its oldest remaining record, restrict-intake',
          releaseExceptionsEnded:
            oldest.organizationId !== access.scope.organizationId ? exceptions.length : 0,
        },
      });
      await refreshClientReach(m, [clientId]);
      return true;
    }
    await updateVersioned(
      m,
      Client,
      clientId,
      version,
      { dateDeleted: new Date(), updatedById: access.userId },
      'This client',
    );
    await recordChange(m, ctx, {
      action: 'DELETE',
      operation: 'deleteClient',
      entityType: 'Client',
      entityId: clientId,
      clientId,
      before,
      after: null,
    });
    await refreshClientReach(m, [clientId]);
    await refreshMatchKeys(m, [clientId]);
    return true;
  });
}
