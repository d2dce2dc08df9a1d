import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { DobDataQuality, NameDataQuality, NoYesMissing, RaceEthnicity, Sex, SsnDataQuality } from '../../hud';
import { LocalDate } from '../../graphql/scalars';
import { OwnedRecord } from '../transaction/owned-record.base';

/** A person served (HUD Client.csv, universal data elements 3.01-3.07). */
@ObjectType({
  simpleResolvers: true,
  description: 'A client: a person served (HUD universal data elements 3.01-3.07).',
})
@Entity()
@Index(['lastName', 'firstName'])
@Index(['organizationId', 'id'])
export class Client extends OwnedRecord {
  @Field(() => String, { nullable: true, description: 'HUD 3.01.1 First Name. Needs client.name:read.' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  firstName: string | null;

  @Field(() => String, { nullable: true, description: 'HUD 3.01.2 Middle Name. Needs client.name:read.' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  middleName: string | null;

  @Field(() => String, { nullable: true, description: 'HUD 3.01.3 Last Name. Needs client.name:read.' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  lastName: string | null;

  @Field(() => String, { nullable: true, description: 'HUD 3.01.4 Name Suffix. Needs client.name:read.' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  nameSuffix: string | null;

  @Field(() => NameDataQuality, { description: 'HUD 3.01.5 Name Data Quality.' })
  @Column({ type: 'smallint', default: NameDataQuality.DATA_NOT_COLLECTED })
  nameDataQuality: NameDataQuality;

  @Field(() => String, {
    nullable: true,
    description: 'HUD 3.02.1 Social Security Number, nine digits. Needs client.ssn:read.',
  })
  @Column({ type: 'varchar', length: 9, nullable: true })
  ssn: string | null;

  @Field(() => SsnDataQuality, { description: 'HUD 3.02.2 SSN Data Quality.' })
  @Column({ type: 'smallint', default: SsnDataQuality.DATA_NOT_COLLECTED })
  ssnDataQuality: SsnDataQuality;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'HUD 3.03.1 Date of Birth. Needs client.dob:read; see age otherwise.',
  })
  @Index()
  @Column({ type: 'date', nullable: true })
  dob: string | null;

  @Field(() => DobDataQuality, { description: 'HUD 3.03.2 DOB Data Quality.' })
  @Column({ type: 'smallint', default: DobDataQuality.DATA_NOT_COLLECTED })
  dobDataQuality: DobDataQuality;

  @Field(() => [RaceEthnicity], {
    nullable: true,
    description: 'HUD 3.04.1 Race and Ethnicity (all that apply). Needs client.demographics:read.',
  })
  @Column({ type: 'simple-json', nullable: true })
  raceEthnicity: RaceEthnicity[] | null;

  @Field(() => Sex, { nullable: true, description: 'HUD 3.06.1 Sex. Needs client.demographics:read.' })
  @Column({ type: 'smallint', nullable: true })
  sex: Sex | null;

  @Field(() => NoYesMissing, {
    nullable: true,
    description: 'HUD 3.07.1 Veteran Status. Needs client.demographics:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  veteranStatus: NoYesMissing | null;

  @Field({
    description:
      'Restrict intake: the client record is visible only to its owning organization, organizations that own a record of the client, and release exceptions.',
  })
  @Column({ type: 'boolean', default: false })
  restrictIntake: boolean;
}
