import { Field, InputType, Int, registerEnumType } from 'type-graphql';

/** What orderNavigation reorders. */
export enum NavigationItemKind {
  WORKSPACE = 'WORKSPACE',
  MENU_GROUP = 'MENU_GROUP',
  MENU_OPTION = 'MENU_OPTION',
  FORM = 'FORM',
}

registerEnumType(NavigationItemKind, {
  name: 'NavigationItemKind',
  description: 'A kind of navigation item.',
  valuesConfig: {
    WORKSPACE: { description: 'Workspaces.' },
    MENU_GROUP: { description: 'Menu groups (ordered among their siblings).' },
    MENU_OPTION: { description: 'Menu options (ordered among their siblings).' },
    FORM: { description: 'Forms.' },
  },
});

@InputType({ description: 'A workspace: created, or updated when one with this code exists.' })
export class WorkspaceInput {
  @Field({ description: 'Stable code (letters, digits, ".", "-", "_"; starts with a lower-case letter).' })
  code: string;

  @Field({ description: 'Name to show.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'What the workspace is for.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Icon name for the front end.' })
  icon?: string | null;

  @Field(() => Int, { nullable: true, description: 'Position (lowest first); default 0.' })
  order?: number | null;
}

@InputType({ description: 'A menu group: created, or updated when one with this code exists.' })
export class MenuGroupInput {
  @Field({ description: 'Stable code.' })
  code: string;

  @Field({ description: 'Code of the workspace it belongs to.' })
  workspaceCode: string;

  @Field(() => String, {
    nullable: true,
    description: 'Code of the parent group (same workspace); none: top level.',
  })
  parentCode?: string | null;

  @Field({ description: 'Heading to show.' })
  label: string;

  @Field(() => Int, { nullable: true, description: 'Position among its siblings; default 0.' })
  order?: number | null;
}

@InputType({ description: 'A menu option: created, or updated when one with this code exists.' })
export class MenuOptionInput {
  @Field({ description: 'Stable code.' })
  code: string;

  @Field({ description: 'Code of the workspace it belongs to (required).' })
  workspaceCode: string;

  @Field(() => String, {
    nullable: true,
    description: 'Code of its menu group (same workspace); none: top level.',
  })
  menuGroupCode?: string | null;

  @Field({ description: 'Label to show.' })
  label: string;

  @Field(() => String, { nullable: true, description: 'What the option is for.' })
  description?: string | null;

  @Field(() => [String], { description: 'Root operations it opens, as coordinates ("Query.clients").' })
  operations: string[];

  @Field(() => [String], { nullable: true, description: "Capabilities it needs besides its operations'." })
  capabilities?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Code of the form it opens.' })
  formCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Position among its siblings; default 0.' })
  order?: number | null;
}

@InputType({ description: 'Where HUD requires a form field.' })
export class FormRequirementInput {
  @Field({
    description:
      'HUD collection point: RECORD_CREATION, a HUD 5.03 Data Collection Stage (PROJECT_START, UPDATE, PROJECT_EXIT, ANNUAL_ASSESSMENT, POST_EXIT) or OCCURRENCE (occurrence point).',
  })
  stage: string;

  @Field(() => [Int], {
    nullable: true,
    description: 'HUD 2.02.6 Project Type codes; none: every project type.',
  })
  projectTypes?: number[] | null;
}

@InputType({ description: 'A form field.' })
export class FormFieldInput {
  @Field({ description: 'Schema coordinate of the field, e.g. "CreateEnrollmentInput.disablingCondition".' })
  coordinate: string;

  @Field({ description: 'Label to show.' })
  label: string;

  @Field(() => String, { nullable: true, description: 'HUD data element, e.g. "3.08 Disabling Condition".' })
  hudElement?: string | null;

  @Field(() => String, { nullable: true, description: 'Capability needed for this field.' })
  capability?: string | null;

  @Field(() => [FormRequirementInput], {
    nullable: true,
    description: 'Where HUD requires it; none: optional.',
  })
  required?: FormRequirementInput[] | null;
}

@InputType({ description: 'A form section.' })
export class FormSectionInput {
  @Field({ description: 'Section title.' })
  title: string;

  @Field(() => [FormFieldInput], { description: 'Fields in order.' })
  fields: FormFieldInput[];
}

@InputType({ description: 'A form: created, or updated when one with this code exists.' })
export class FormInput {
  @Field({ description: 'Stable code.' })
  code: string;

  @Field({ description: 'Name to show.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'What the form is for.' })
  description?: string | null;

  @Field({ description: 'GraphQL type of the record it writes, e.g. "Enrollment".' })
  recordType: string;

  @Field({ description: 'The mutation it calls, as a coordinate (e.g. "Mutation.createEnrollment").' })
  operation: string;

  @Field(() => [String], { nullable: true, description: "Capabilities it needs besides its operation's." })
  capabilities?: string[] | null;

  @Field(() => [FormSectionInput], { description: 'Sections in order.' })
  sections: FormSectionInput[];

  @Field(() => Int, { nullable: true, description: 'Position among forms; default 0.' })
  order?: number | null;
}
