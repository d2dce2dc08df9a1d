/**
 * The record types the leak oracle covers, enumerated from the database itself: every table with
 * `client_id`, `organization_id` and `restriction` is a client-level record type, so a new one is
 * covered the day its migration runs. When `src/access/record-types.ts` (the registry of issue 10)
 * is on main, switch this one function over to it; the rest of the oracle only reads its output.
 */
import type { DemoApp } from '../helpers';

export interface OracleRecordType {
  /** The table. */
  table: string;
  /** The GraphQL type its rows come back as (checked against the schema by the oracle). */
  typeName: string;
  /** Columns guarded by a capability (access model §5), by the words of the spec. */
  guarded: Record<string, string>;
}

/** GraphQL type names that are not the table name in PascalCase. */
const TYPE_NAME_EXCEPTIONS: Record<string, string> = { enrollment_exit: 'Exit' };

/**
 * Guarded answers per table, from the spec (§5: "health & DV answers, assessment scores") and the
 * demo scenario, not from the server's field rules.
 */
const GUARDED: Record<string, Record<string, string>> = {
  health_and_dv: {
    domestic_violence_survivor: 'health:read',
    when_occurred: 'health:read',
    currently_fleeing: 'health:read',
    general_health_status: 'health:read',
  },
  assessment: { score: 'assessment.score:read' },
  // Issue 12: disability answers and HIV details are health data; income amounts, disability
  // incomes and HIV-related programs reveal health too.
  disabilities: {
    disability_response: 'health:read',
    indefinite_and_impairs: 'health:read',
    t_cell_count: 'health:read',
    viral_load: 'health:read',
    anti_retroviral: 'health:read',
  },
  income_benefits: {
    total_monthly_income: 'health:read',
    earned_amount: 'health:read',
    ssi: 'health:read',
    ssi_amount: 'health:read',
    ssdi_amount: 'health:read',
    adap: 'health:read',
    ryan_white_med_dent: 'health:read',
  },
};

const pascal = (table: string) =>
  table
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

async function columnsByTable(demo: DemoApp): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  const add = (table: string, column: string) => {
    if (!out.has(table)) out.set(table, new Set());
    out.get(table)!.add(column);
  };
  if (demo.app.db.ds.options.type === 'better-sqlite3') {
    const tables = await demo.sql<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    );
    for (const { name } of tables)
      for (const c of await demo.sql<{ name: string }>(`PRAGMA table_info("${name}")`)) add(name, c.name);
  } else {
    const rows = await demo.sql<{ t: string; c: string }>(
      'SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = DATABASE()',
    );
    for (const r of rows) add(r.t, r.c);
  }
  return out;
}

/** Every client-level record type of the database, sorted by table. */
export async function oracleRecordTypes(demo: DemoApp): Promise<OracleRecordType[]> {
  const tables = await columnsByTable(demo);
  return [...tables]
    .filter(([, cols]) => cols.has('client_id') && cols.has('organization_id') && cols.has('restriction'))
    .map(([table]) => ({
      table,
      typeName: TYPE_NAME_EXCEPTIONS[table] ?? pascal(table),
      guarded: GUARDED[table] ?? {},
    }))
    .sort((a, b) => a.table.localeCompare(b.table));
}
