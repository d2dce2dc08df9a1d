/**
 * The reference for the report tests (issue 15): each aggregate computed in TypeScript from what
 * the same user can list through `clients` (with their visible enrollments, exits and services).
 */
import { LivingSituation, NoYesMissing, ProjectType, Sex } from '../../src/hud';

/** Anything that can post a GraphQL document with the caller's token. */
export interface Lister {
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** Everything the caller can list through `clients` (with their visible enrollments, exits and services). */
const LIST = `query($after: String) { clients(first: 25, after: $after) {
  pageInfo { hasNextPage endCursor }
  edges { node { id dob sex veteranStatus
    enrollments { id entryDate disablingCondition program { id projectType } exit { exitDate destination }
      services(first: 100) { edges { node { id dateProvided } } } } } } } }`;

export interface Listed {
  id: string;
  dob: string | null;
  sex: string | null;
  veteranStatus: string | null;
  enrollments: Array<{
    id: string;
    entryDate: string;
    disablingCondition: string | null;
    program: { id: string; projectType: string };
    exit: { exitDate: string; destination: string } | null;
    services: { edges: Array<{ node: { id: string; dateProvided: string } }> };
  }>;
}

export async function listAll(caller: Lister): Promise<Listed[]> {
  const out: Listed[] = [];
  let after: string | null = null;
  for (;;) {
    const { clients }: { clients: any } = await caller.ok<any>(LIST, { after });
    out.push(...clients.edges.map((e: any) => e.node));
    if (!clients.pageInfo.hasNextPage) return out;
    after = clients.pageInfo.endCursor;
  }
}

function age(dob: string | null, on: string): number | null {
  if (!dob) return null;
  let years = Number(on.slice(0, 4)) - Number(dob.slice(0, 4));
  if (on.slice(5) < dob.slice(5)) years--;
  return years;
}

function ageBand(a: number | null): string {
  if (a === null) return 'UNKNOWN';
  const bands: Array<[number, string]> = [
    [4, 'UNDER_5'],
    [12, 'AGE_5_12'],
    [17, 'AGE_13_17'],
    [24, 'AGE_18_24'],
    [34, 'AGE_25_34'],
    [44, 'AGE_35_44'],
    [54, 'AGE_45_54'],
    [64, 'AGE_55_64'],
  ];
  return bands.find(([max]) => a <= max)?.[1] ?? 'AGE_65_PLUS';
}

function destinationClass(name: string | undefined): string {
  if (!name) return 'NOT_EXITED';
  const code = LivingSituation[name as keyof typeof LivingSituation];
  const hundreds = Math.floor(code / 100);
  return ['OTHER', 'HOMELESS', 'INSTITUTIONAL', 'TEMPORARY', 'PERMANENT'][hundreds] ?? 'OTHER';
}

const code = (e: Record<string, string | number>, name: string | null) =>
  name === null ? 'MISSING' : String(e[name]);

/** The reference: each report's cells computed in TypeScript from what the caller can list. */
export function reference(
  clients: Listed[],
  report: 'clientCounts' | 'enrollmentCounts' | 'serviceCounts',
  input: { from: string; to: string; programIds?: string[]; groupBy: string[] },
): Map<string, number> {
  const cells = new Map<string, Set<string>>();
  for (const c of clients)
    for (const e of c.enrollments) {
      if (input.programIds?.length && !input.programIds.includes(e.program.id)) continue;
      const units =
        report === 'serviceCounts'
          ? e.services.edges.map((s) => ({ id: s.node.id, on: s.node.dateProvided }))
          : [{ id: report === 'clientCounts' ? c.id : e.id, on: e.entryDate }];
      for (const u of units) {
        if (u.on < input.from || u.on > input.to) continue;
        const key = input.groupBy.map((g) => {
          switch (g) {
            case 'PROGRAM':
              return e.program.id;
            case 'PROJECT_TYPE':
              return code(ProjectType as any, e.program.projectType);
            case 'MONTH':
              return u.on.slice(0, 7);
            case 'AGE_BAND':
              return ageBand(age(c.dob, u.on));
            case 'SEX':
              return code(Sex as any, c.sex);
            case 'VETERAN_STATUS':
              return code(NoYesMissing as any, c.veteranStatus);
            case 'EXIT_DESTINATION_CLASS':
              return destinationClass(e.exit?.destination);
            default:
              throw new Error(g);
          }
        });
        const k = JSON.stringify(key);
        if (!cells.has(k)) cells.set(k, new Set());
        cells.get(k)!.add(u.id);
      }
    }
  return new Map([...cells].map(([k, v]) => [k, v.size]));
}

export const cellMap = (r: any) =>
  new Map<string, number>(
    r.cells.map((c: any) => [JSON.stringify(c.keys.map((k: any) => k.value)), c.count]),
  );

/** A small seeded generator, so a failure is reproducible (REPORT_SEED). */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const DIMENSIONS = [
  'PROGRAM',
  'PROJECT_TYPE',
  'MONTH',
  'AGE_BAND',
  'SEX',
  'VETERAN_STATUS',
  'EXIT_DESTINATION_CLASS',
];
