import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A role-based group: which workspaces, operations and fields its members reach. */
@ObjectType({
  description:
    'A Workgroup: a role-based group whose capabilities decide which operations and fields its members reach.',
})
@Entity()
export class Workgroup {
  @Field(() => ID, { description: 'Waypoint identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Workgroup name, e.g. "Emergency Shelter Staff".' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { nullable: true, description: 'What the workgroup is for.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @Field({ description: 'False once deactivated.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;
}

/** One capability granted by a workgroup: data, editable by administrators. */
@Entity()
export class WorkgroupCapability {
  @PrimaryColumn()
  workgroupId: number;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  capability: string;
}

/** Kinds of required training: a missing assessment training only lowers the ceiling. */
export enum TrainingKind {
  ASSESSMENT = 'ASSESSMENT',
  GENERAL = 'GENERAL',
}

/** A training every member of a workgroup must have completed. */
@Entity()
export class WorkgroupRequiredTraining {
  @PrimaryColumn()
  workgroupId: number;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  course: string;

  @Column({ type: 'varchar', length: 16, default: TrainingKind.GENERAL })
  kind: TrainingKind;
}

/** A user's membership in a workgroup. */
@Entity()
export class WorkgroupMembership {
  @PrimaryColumn()
  userId: number;

  @PrimaryColumn()
  @Index()
  workgroupId: number;
}
