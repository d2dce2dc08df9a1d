import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'An entry of a workspace menu: the GraphQL operations it opens. Shown only when the session may call every one of them.',
})
export class NavigationMenuOption {
  @Field(() => ID, { description: 'Waypoint identifier.' })
  id: number;

  @Field({ description: 'Stable code, e.g. "clients.search"; front ends key their screens on it.' })
  code: string;

  @Field({ description: 'Label to show, e.g. "Client search".' })
  label: string;

  @Field(() => String, { nullable: true, description: 'What the option is for.' })
  description: string | null;

  @Field(() => [String], {
    description: 'The root operations it opens, as schema coordinates (e.g. "Query.clients").',
  })
  operations: string[];

  @Field(() => [String], {
    description: 'Capabilities it needs besides those of its operations (see capabilityCatalog).',
  })
  capabilities: string[];

  @Field(() => String, { nullable: true, description: 'Code of the form it opens (see Query.form), if any.' })
  formCode: string | null;

  @Field(() => Int, { description: 'Position among its siblings (lowest first).' })
  order: number;
}

@ObjectType({ description: 'A heading of a workspace menu, with its options and sub-groups.' })
export class NavigationMenuGroup {
  @Field(() => ID, { description: 'Waypoint identifier.' })
  id: number;

  @Field({ description: 'Stable code, e.g. "clients.records".' })
  code: string;

  @Field({ description: 'Heading to show.' })
  label: string;

  @Field(() => Int, { description: 'Position among its siblings (lowest first).' })
  order: number;

  @Field(() => [NavigationMenuGroup], { description: 'Sub-groups, in order.' })
  menuGroups: NavigationMenuGroup[];

  @Field(() => [NavigationMenuOption], { description: 'Options under this heading, in order.' })
  menuOptions: NavigationMenuOption[];
}

@ObjectType({
  description:
    'A workspace (Clients, Coordinated Entry, Administration, ...): a top-level area of the user interface.',
})
export class NavigationWorkspace {
  @Field(() => ID, { description: 'Waypoint identifier.' })
  id: number;

  @Field({ description: 'Stable code, e.g. "clients".' })
  code: string;

  @Field({ description: 'Name to show.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'What the workspace is for.' })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'Icon name for the front end (e.g. "users").' })
  icon: string | null;

  @Field(() => Int, { description: 'Position among workspaces (lowest first).' })
  order: number;

  @Field(() => [NavigationMenuGroup], { description: 'Top-level menu groups, in order.' })
  menuGroups: NavigationMenuGroup[];

  @Field(() => [NavigationMenuOption], { description: 'Options outside any group, in order.' })
  menuOptions: NavigationMenuOption[];
}

@ObjectType({
  description:
    "What a front end renders: the active workgroup's workspaces, menu groups and menu options that the session may use after its access-role ceiling. Not a security boundary: the API still decides every call.",
})
export class Navigation {
  @Field(() => [NavigationWorkspace], {
    description: 'Workspaces in order; a workspace with no option the session may use is left out.',
  })
  workspaces: NavigationWorkspace[];
}

@ObjectType({
  description: 'When HUD requires a form field: at a data collection stage, for some project types.',
})
export class FormRequirement {
  @Field({
    description:
      'HUD collection point: RECORD_CREATION, a HUD 5.03 Data Collection Stage (PROJECT_START, UPDATE, PROJECT_EXIT, ANNUAL_ASSESSMENT, POST_EXIT) or OCCURRENCE (occurrence point).',
  })
  stage: string;

  @Field(() => [Int], {
    nullable: true,
    description: 'HUD 2.02.6 Project Type codes it applies to; null: every project type.',
  })
  projectTypes: number[] | null;
}

@ObjectType({ description: 'One field of a form: a schema coordinate with its HUD data element and rules.' })
export class FormField {
  @Field({
    description: 'Schema coordinate of the input field, e.g. "CreateEnrollmentInput.disablingCondition".',
  })
  coordinate: string;

  @Field({ description: 'Label to show.' })
  label: string;

  @Field(() => String, { nullable: true, description: 'HUD data element, e.g. "3.08 Disabling Condition".' })
  hudElement: string | null;

  @Field(() => String, { nullable: true, description: 'Capability needed for this field, if any.' })
  capability: string | null;

  @Field(() => [FormRequirement], {
    description: 'Where HUD requires the field (empty: optional).',
  })
  required: FormRequirement[];
}

@ObjectType({ description: 'A section of a form.' })
export class FormSection {
  @Field({ description: 'Section title.' })
  title: string;

  @Field(() => [FormField], { description: 'Fields of the section, in order.' })
  fields: FormField[];
}

@ObjectType({
  description:
    'A data-entry form (Profile, Enrollment, Exit, CE Assessment, ...): the mutation it calls and its fields, as data.',
})
export class FormView {
  @Field(() => ID, { description: 'Waypoint identifier.' })
  id: number;

  @Field({ description: 'Stable code, e.g. "enrollment".' })
  code: string;

  @Field({ description: 'Name to show.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'What the form is for.' })
  description: string | null;

  @Field({ description: 'GraphQL type of the record it writes, e.g. "Enrollment".' })
  recordType: string;

  @Field({ description: 'The mutation it calls, as a schema coordinate (e.g. "Mutation.createEnrollment").' })
  operation: string;

  @Field(() => [String], { description: "Capabilities it needs besides its operation's." })
  capabilities: string[];

  @Field(() => [FormSection], {
    description: 'Sections in order. In Query.form, fields whose capability the session lacks are left out.',
  })
  sections: FormSection[];

  @Field(() => Int, { description: 'Position among forms (lowest first).' })
  order: number;
}

@ObjectType({ description: 'What the session may do with one record type in the active organization.' })
export class RecordTypePermission {
  @Field({ description: 'GraphQL type name, e.g. "Enrollment".' })
  recordType: string;

  @Field({ description: 'May create records of this type, owned by the active organization.' })
  canCreate: boolean;

  @Field({ description: 'May edit records of this type owned by the active organization.' })
  canEdit: boolean;

  @Field({ description: 'May (soft) delete records of this type owned by the active organization.' })
  canDelete: boolean;
}

@ObjectType({
  description:
    'Everything the session may do, as booleans and lists, so a user interface can hide what the API would refuse.',
})
export class Permissions {
  @Field(() => [String], {
    description: 'Root operations the session may call, as coordinates (e.g. "Query.clients").',
  })
  operations: string[];

  @Field(() => [String], {
    description: 'Guarded fields the session may read, as coordinates (e.g. "Client.ssn").',
  })
  readableFields: string[];

  @Field(() => [String], {
    description: 'Guarded fields that resolve to null (or empty) for the session, as coordinates.',
  })
  hiddenFields: string[];

  @Field(() => [String], { description: "The session's capabilities after its access-role ceiling." })
  capabilities: string[];

  @Field(() => [RecordTypePermission], {
    description: 'Create, edit and delete per record type in the active organization.',
  })
  recordTypes: RecordTypePermission[];
}
