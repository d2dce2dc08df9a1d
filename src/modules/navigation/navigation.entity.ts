/**
 * Workspaces, menu groups, menu options and forms (access model §7): data, editable with
 * `setup:admin`, granted to workgroups by code. What a session sees is computed by
 * navigation.service.ts from these rows and the session's capabilities.
 */
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A top-level area of the user interface (Clients, Coordinated Entry, Administration, ...). */
@Entity()
export class Workspace {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  icon: string | null;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}

/** A heading inside a workspace; groups may nest (never in a cycle). */
@Entity()
export class MenuGroup {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'int' })
  workspaceId: number;

  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @Column({ type: 'varchar', length: 100 })
  label: string;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}

/** An entry of a workspace's menu: the GraphQL operations it opens and what it needs. */
@Entity()
export class MenuOption {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'int' })
  workspaceId: number;

  @Column({ type: 'int', nullable: true })
  menuGroupId: number | null;

  @Column({ type: 'varchar', length: 100 })
  label: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  /** Root operations as schema coordinates (`Query.clients`, `Mutation.createClient`). */
  @Column({ type: 'simple-json' })
  operations: string[];

  /** Capabilities needed besides those of the operations' own rules. */
  @Column({ type: 'simple-json' })
  capabilities: string[];

  /** The form this option opens, if any. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  formCode: string | null;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}

/** When HUD requires a form field: at a data collection stage, for some project types (none: all). */
export interface FormRequirementData {
  stage: string;
  projectTypes: number[] | null;
}

export interface FormFieldData {
  coordinate: string;
  label: string;
  hudElement: string | null;
  capability: string | null;
  required: FormRequirementData[];
}

export interface FormSectionData {
  title: string;
  fields: FormFieldData[];
}

/** A data-entry form: the operation it calls and its sections of fields (schema coordinates). */
@Entity()
export class Form {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  /** The GraphQL type of the record the form writes (`Enrollment`). */
  @Column({ type: 'varchar', length: 64 })
  recordType: string;

  /** The mutation it calls, as a coordinate (`Mutation.createEnrollment`). */
  @Column({ type: 'varchar', length: 128 })
  operation: string;

  @Column({ type: 'simple-json' })
  capabilities: string[];

  @Column({ type: 'simple-json' })
  sections: FormSectionData[];

  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}

/** What a navigation grant names. */
export enum NavigationKind {
  WORKSPACE = 'WORKSPACE',
  MENU_OPTION = 'MENU_OPTION',
  FORM = 'FORM',
}

/** A workspace, menu option or form granted to a workgroup (by code). */
@Entity()
export class WorkgroupNavigation {
  @PrimaryColumn()
  workgroupId: number;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind: NavigationKind;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;
}
