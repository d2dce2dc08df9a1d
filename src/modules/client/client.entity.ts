import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import {
  DischargeStatus,
  DobDataQuality,
  MilitaryBranch,
  NameDataQuality,
  NoYesMissing,
  RaceEthnicity,
  Sex,
  SsnDataQuality,
} from '../../hud';
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

  @Field(() => Int, {
    nullable: true,
    description:
      'HUD V1.1 Year Entered Military Service (YearEnteredService, YYYY). Needs client.demographics:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  yearEnteredService: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'HUD V1.2 Year Separated from Military Service (YearSeparated, YYYY). Needs client.demographics:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  yearSeparated: number | null;

  @Field(() => NoYesMissing, {
    nullable: true,
    description: 'HUD V1.3 Theater of Operations: World War II (WorldWarII). Needs client.demographics:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  worldWarII: NoYesMissing | null;

  @Field(() => NoYesMissing, {
    nullable: true,
    description: 'HUD V1.4 Theater of Operations: Korean War (KoreanWar). Needs client.demographics:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  koreanWar: NoYesMissing | null;

  @Field(() => NoYesMissing, {
    nullable: true,
    description: 'HUD V1.5 Theater of Operations: Vietnam War (VietnamWar). Needs client.demographics:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  vietnamWar: NoYesMissing | null;

  @Field(() => NoYesMissing, {
    nullable: true,
    description:
      'HUD V1.6 Theater of Operations: Persian Gulf War - Operation Desert Storm (DesertStorm). Needs client.demographics:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  desertStorm: NoYesMissing | null;

  @Field(() => NoYesMissing, {
    nullable: true,
    description:
      'HUD V1.7 Theater of Operations: Afghanistan (Operation Enduring Freedom) (AfghanistanOEF). Needs client.demographics:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  afghanistanOEF: NoYesMissing | null;

  @Field(() => NoYesMissing, {
    nullable: true,
    description:
      'HUD V1.8 Theater of Operations: Iraq (Operation Iraqi Freedom) (IraqOIF). Needs client.demographics:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  iraqOIF: NoYesMissing | null;

  @Field(() => NoYesMissing, {
    nullable: true,
    description:
      'HUD V1.9 Theater of Operations: Iraq (Operation New Dawn) (IraqOND). Needs client.demographics:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  iraqOND: NoYesMissing | null;

  @Field(() => NoYesMissing, {
    nullable: true,
    description:
      'HUD V1.10 Theater of Operations: Other peace-keeping operations or military interventions (OtherTheater). Needs client.demographics:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  otherTheater: NoYesMissing | null;

  @Field(() => MilitaryBranch, {
    nullable: true,
    description: 'HUD V1.11 Branch of the Military (MilitaryBranch). Needs client.demographics:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  militaryBranch: MilitaryBranch | null;

  @Field(() => DischargeStatus, {
    nullable: true,
    description: 'HUD V1.12 Discharge Status (DischargeStatus). Needs client.demographics:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  dischargeStatus: DischargeStatus | null;

  @Field({
    description:
      'Restrict intake: the client record is visible only to its owning organization, organizations that own a record of the client, and release exceptions.',
  })
  @Column({ type: 'boolean', default: false })
  restrictIntake: boolean;
}
