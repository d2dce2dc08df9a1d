/**
 * Demo answers for the FY2026 information-date records (issue 12 phase 2): IncomeBenefits,
 * Disabilities, EmploymentEducation and YouthEducationStatus at project start for a few demo
 * enrollments, so the API, the HUD CSV export and its tests have something to show and withhold.
 * Robin Hayes's answers are Safe Harbor's (a victim service provider): RESTRICTED, invisible to
 * every other organization.
 */
import type { EntityManager } from 'typeorm';
import { Restriction } from '../src/access/restriction';
import { addDays } from '../src/database/sql-time';
import {
  CurrentSchoolAttend,
  DataCollectionStage,
  DisabilityType,
  EmploymentType,
  LastGradeCompleted,
  NoYes,
  NoYesMissing,
  SchoolStatus,
} from '../src/hud';
import { Disabilities } from '../src/modules/transaction/disabilities.entity';
import { EmploymentEducation } from '../src/modules/transaction/employment-education.entity';
import { IncomeBenefits } from '../src/modules/transaction/income-benefits.entity';
import { YouthEducationStatus } from '../src/modules/transaction/youth-education-status.entity';
import type { DemoClientIds } from './demo-clients';
import { insertId, insertIds, STAFF } from './demo-common';
import type { DemoSetupIds } from './demo-setup';

export interface DemoHudRecordIds {
  incomeBenefits: Record<'Alex Rivera/ES' | 'Robin Hayes/ES', number>;
  disabilities: Record<'Alex Rivera/ES' | 'Robin Hayes/ES', number[]>;
  employmentEducation: Record<'Alex Rivera/ES', number>;
  youthEducationStatus: Record<'Taylor Brooks/SO', number>;
}

export async function seedDemoHudRecords(
  m: EntityManager,
  setup: DemoSetupIds,
  clients: DemoClientIds,
  today: string,
): Promise<DemoHudRecordIds> {
  const day = (n: number) => addDays(today, n);
  const base = (
    client: number,
    enrollmentId: number,
    org: 'HSS' | 'SHD' | 'NSO',
    restriction: Restriction,
  ) => ({
    clientId: client,
    enrollmentId,
    organizationId: setup.orgs[org],
    restriction,
    createdById: setup.users[STAFF[org]],
    dataCollectionStage: DataCollectionStage.PROJECT_START,
  });
  const alex = base(
    clients.clients['Alex Rivera'],
    clients.enrollments['Alex Rivera/ES'],
    'HSS',
    Restriction.UNRESTRICTED,
  );
  const robin = base(
    clients.clients['Robin Hayes'],
    clients.enrollments['Robin Hayes/ES'],
    'SHD',
    Restriction.RESTRICTED,
  );
  const taylor = base(
    clients.clients['Taylor Brooks'],
    clients.enrollments['Taylor Brooks/SO'],
    'NSO',
    Restriction.RESTRICTED,
  );
  const noDisability = (r: typeof alex, informationDate: string, yes: DisabilityType[]) =>
    Object.values(DisabilityType)
      .filter((v): v is DisabilityType => typeof v === 'number')
      .map((disabilityType) => ({
        ...r,
        informationDate,
        disabilityType,
        disabilityResponse: yes.includes(disabilityType) ? NoYesMissing.YES : NoYesMissing.NO,
        indefiniteAndImpairs: yes.includes(disabilityType) ? NoYesMissing.YES : null,
      }));

  return {
    incomeBenefits: {
      'Alex Rivera/ES': await insertId(m, IncomeBenefits, {
        ...alex,
        informationDate: day(-60),
        incomeFromAnySource: NoYesMissing.YES,
        totalMonthlyIncome: 850,
        earned: NoYes.YES,
        earnedAmount: 850,
        benefitsFromAnySource: NoYesMissing.YES,
        snap: NoYes.YES,
        insuranceFromAnySource: NoYesMissing.YES,
        medicaid: NoYes.YES,
      }),
      'Robin Hayes/ES': await insertId(m, IncomeBenefits, {
        ...robin,
        informationDate: day(-8),
        incomeFromAnySource: NoYesMissing.YES,
        totalMonthlyIncome: 914,
        ssi: NoYes.YES,
        ssiAmount: 914,
        benefitsFromAnySource: NoYesMissing.NO,
        insuranceFromAnySource: NoYesMissing.NO,
      }),
    },
    disabilities: {
      'Alex Rivera/ES': await insertIds(m, Disabilities, noDisability(alex, day(-60), [])),
      'Robin Hayes/ES': await insertIds(
        m,
        Disabilities,
        noDisability(robin, day(-8), [DisabilityType.MENTAL_HEALTH_DISORDER]),
      ),
    },
    employmentEducation: {
      'Alex Rivera/ES': await insertId(m, EmploymentEducation, {
        ...alex,
        informationDate: day(-60),
        lastGradeCompleted: LastGradeCompleted.GRADE_12,
        schoolStatus: SchoolStatus.GRADUATED_HIGH_SCHOOL,
        employed: NoYesMissing.YES,
        employmentType: EmploymentType.PART_TIME,
      }),
    },
    youthEducationStatus: {
      'Taylor Brooks/SO': await insertId(m, YouthEducationStatus, {
        ...taylor,
        informationDate: day(-40),
        currentSchoolAttend: CurrentSchoolAttend.NOT_ENROLLED,
      }),
    },
  };
}
