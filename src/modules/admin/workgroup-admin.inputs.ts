import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A new workgroup.' })
export class CreateWorkgroupInput {
  @Field({ description: 'Unique name (max 100).' })
  name: string;

  @Field(() => String, { nullable: true, description: 'What the workgroup is for (max 500).' })
  description?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Capabilities it grants (see capabilityCatalog); only ones you hold yourself.',
  })
  capabilities?: string[] | null;
}

@InputType({ description: 'Changes to a workgroup; fields left out are unchanged.' })
export class UpdateWorkgroupInput {
  @Field(() => String, { nullable: true, description: 'Unique name (max 100).' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'What the workgroup is for (max 500).' })
  description?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'False deactivates the workgroup: its members lose what it grants at their next request.',
  })
  active?: boolean | null;
}
