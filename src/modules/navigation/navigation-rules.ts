/**
 * Checks shared by the navigation administration and the seeds: what a grant needs, and whether
 * operations and form fields exist in the built schema (so a schema change that orphans a
 * seeded form field fails test/navigation/navigation-data.test.ts).
 */
import { type GraphQLSchema, isInputObjectType, isObjectType } from 'graphql';
import { isCapability } from '../../access/capabilities';
import { capabilitiesForOperation, operationRule } from '../../access/operation-rules';

/**
 * HUD collection points: record creation, the 5.03 Data Collection Stages (project start,
 * update, project exit, annual assessment, post-exit) and "occurrence point" (contacts,
 * assessments, events).
 */
export const DATA_COLLECTION_STAGES = [
  'RECORD_CREATION',
  'PROJECT_START',
  'UPDATE',
  'PROJECT_EXIT',
  'ANNUAL_ASSESSMENT',
  'POST_EXIT',
  'OCCURRENCE',
];

/** The workgroup capabilities a menu option or form needs: its own plus its operations' rules. */
export function neededCapabilities(operations: readonly string[], capabilities: readonly string[]): string[] {
  return [...new Set([...capabilities, ...operations.flatMap(capabilitiesForOperation)])].sort();
}

/** Whether a root operation coordinate names a field of the schema that has a rule. */
export function operationExists(schema: GraphQLSchema, coordinate: string): boolean {
  const [type, field] = coordinate.split('.');
  const root =
    type === 'Query' ? schema.getQueryType() : type === 'Mutation' ? schema.getMutationType() : null;
  return !!root && !!field && !!root.getFields()[field] && operationRule(coordinate) !== null;
}

/** Whether `Type.field` names a field of an object or input type of the schema. */
export function fieldExists(schema: GraphQLSchema, coordinate: string): boolean {
  const parts = coordinate.split('.');
  if (parts.length !== 2) return false;
  const type = schema.getType(parts[0]);
  return (isObjectType(type) || isInputObjectType(type)) && !!type.getFields()[parts[1]];
}

export function unknownCapabilities(capabilities: readonly string[]): string[] {
  return capabilities.filter((c) => !isCapability(c));
}
