/**
 * The seeded navigation is consistent with the built schema and the permission map: a schema
 * change that orphans a seeded form field or menu operation fails here (issue 11).
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { printSchema, type GraphQLSchema } from 'graphql';
import { FORMS, MENU_OPTIONS, WORKGROUP_WORKSPACES, WORKSPACES } from '../../seeds/navigation';
import { WORKGROUP_CAPABILITIES, WORKGROUP_NAMES } from '../../seeds/workgroups';
import { buildAppSchema } from '../../src/graphql/schema';
import {
  DATA_COLLECTION_STAGES,
  fieldExists,
  neededCapabilities,
  operationExists,
  unknownCapabilities,
} from '../../src/modules/navigation/navigation-rules';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

test('every seeded form field is a field of the built schema', () => {
  const orphans = FORMS.flatMap((f) =>
    f.sections.flatMap((s) => s.fields.map((x) => x.coordinate)).filter((c) => !fieldExists(schema, c)),
  );
  expect(orphans).toEqual([]);
});

test('every seeded form calls a mutation of the schema and writes a type of it', () => {
  for (const f of FORMS) {
    expect(operationExists(schema, f.operation) && f.operation.startsWith('Mutation.')).toBe(true);
    expect(schema.getType(f.recordType)).toBeDefined();
  }
});

test('every seeded menu option names operations of the schema, known capabilities and a seeded form', () => {
  const problems = MENU_OPTIONS.flatMap((o) => [
    ...o.operations.filter((op) => !operationExists(schema, op)).map((op) => `${o.code}: ${op}`),
    ...unknownCapabilities(o.capabilities ?? []).map((c) => `${o.code}: ${c}`),
    ...(o.form && !FORMS.some((f) => f.code === o.form) ? [`${o.code}: form ${o.form}`] : []),
    ...(WORKSPACES.some((w) => w.code === o.workspace) ? [] : [`${o.code}: workspace ${o.workspace}`]),
  ]);
  expect(problems).toEqual([]);
});

test('form requirements use HUD collection points and project type codes', () => {
  for (const f of FORMS)
    for (const s of f.sections)
      for (const x of s.fields)
        for (const r of x.required) {
          expect(DATA_COLLECTION_STAGES).toContain(r.stage);
          for (const t of r.projectTypes ?? []) expect(t >= 0 && t <= 15).toBe(true);
        }
  for (const f of FORMS)
    for (const s of f.sections) for (const x of s.fields) expect(x.hudElement ?? x.label).toBeTruthy();
});

test('every standard workgroup has workspaces, and each workspace it is given exists', () => {
  for (const name of WORKGROUP_NAMES) {
    expect(WORKGROUP_WORKSPACES[name].length).toBeGreaterThan(0);
    for (const code of WORKGROUP_WORKSPACES[name]) expect(WORKSPACES.map((w) => w.code)).toContain(code);
  }
});

test('the CE Assessment option needs the assessment write capability its mutation is guarded by', () => {
  const option = MENU_OPTIONS.find((o) => o.code === 'ce.assessment');
  expect(neededCapabilities(option!.operations, option!.capabilities ?? [])).toContain('ce.assessment:write');
  expect(WORKGROUP_CAPABILITIES['HMIS Users']).not.toContain('ce.assessment:write');
});

test('schema descriptions cite headings of docs/access-model.md, never numbered sections it does not have', () => {
  const sdl = printSchema(schema);
  expect(sdl).not.toMatch(/§/);
  const headings = new Set(
    readFileSync(path.join(__dirname, '../../docs/access-model.md'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('## '))
      .map((l) => l.slice(3).trim()),
  );
  const cited = [...sdl.matchAll(/docs\/access-model\.md, "([^"]+)"/g)].map((m) => m[1]);
  expect(cited.length).toBeGreaterThan(0);
  expect(cited.filter((c) => !headings.has(c))).toEqual([]);
});
