import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { ServiceRecordType } from '../../hud';
import { LocalDate } from '../../graphql/scalars';
import { EnrollmentTransaction } from './owned-record.base';

/** A service provided during an enrollment, bed nights included (HUD Services.csv). */
@ObjectType({
  simpleResolvers: true,
  description:
    'A service provided during an enrollment (HUD 4.14 Bed-night and program-specific services, Services.csv).',
})
@Entity()
@Index(['clientId', 'organizationId', 'restriction'])
@Index(['enrollmentId', 'dateProvided', 'id'])
export class Service extends EnrollmentTransaction {
  @Field(() => LocalDate, { description: 'HUD DateProvided: the date of service.' })
  @Column({ type: 'date' })
  dateProvided: string;

  @Field(() => ServiceRecordType, {
    description: 'HUD RecordType: which kind of service list typeProvided comes from.',
  })
  @Column({ type: 'smallint' })
  recordType: ServiceRecordType;

  @Field(() => Int, {
    description: 'HUD TypeProvided: the service code within the record type (200 Bed night uses 200).',
  })
  @Column({ type: 'smallint' })
  typeProvided: number;

  @Field(() => String, {
    nullable: true,
    description: 'HUD OtherTypeProvided: the service, when typeProvided is "Other".',
  })
  @Column({ type: 'varchar', length: 100, nullable: true })
  otherTypeProvided: string | null;
}
