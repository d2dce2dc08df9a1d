import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateTime } from '../../graphql/scalars';

/**
 * Columns every project descriptor setup record carries (HUD 2.03-2.09: ProjectCoC, Funder, Inventory,
 * Affiliation, HMISParticipation, CEParticipation): its program, HUD DateCreated/DateUpdated, the user who
 * last changed it (HUD UserID) and HUD DateDeleted for soft deletes. Setup records belong to their
 * program: they are visible wherever the program is (access model §3) and changed with setup:admin.
 */
@ObjectType()
export abstract class ProjectSetupRecord {
  @Field(() => ID, { description: 'Waypoint identifier (the HUD record id of its CSV file).' })
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column()
  programId: number;

  @Field(() => DateTime, { description: 'HUD DateCreated.' })
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => DateTime, { description: 'HUD DateUpdated.' })
  @UpdateDateColumn()
  updatedAt: Date;

  /** HUD UserID: the user who last changed the record. */
  @Column({ type: 'int', nullable: true })
  updatedById: number | null;

  /** HUD DateDeleted: a deleted setup record is left out everywhere. */
  @Column({ type: 'datetime', nullable: true })
  dateDeleted: Date | null;
}
