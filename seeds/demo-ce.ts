/**
 * Coordinated entry demo data (demo-scenario.md, "Coordinated entry"): a VI-SPDAT-like
 * assessment instrument (Waypoint's own questions), the priority list built from every client
 * with an open CE enrollment and an assessment (Sam Carter 11, Casey Morgan 8, the CCE fillers),
 * one entry ON_HOLD with a reason, and Casey Morgan's pending referral to Hope Street Rapid
 * Rehousing with consent (so a release exception of Casey to Hope Street is in force).
 */
import type { EntityManager } from 'typeorm';
import { Restriction } from '../src/access/restriction';
import {
  AnswerType,
  AssessmentInstrument,
  type AssessmentQuestion,
} from '../src/modules/ce/instrument.entity';
import {
  PriorityListEntry,
  PriorityListStatus,
  PriorityListStatusChange,
} from '../src/modules/ce/priority-list.entity';
import { Referral, ReferralStatus } from '../src/modules/ce/referral.entity';
import { OPEN_RELEASE_THROUGH } from '../src/modules/ce/referral.service';
import { ReleaseException } from '../src/modules/admin/information-release.entity';
import type { DemoClientIds } from './demo-clients';
import { insertId } from './demo-common';
import type { DemoSetupIds } from './demo-setup';

export interface DemoCeIds {
  instruments: { HPS: number };
  /** Priority list entries by client id. */
  priorityEntries: Record<number, number>;
  referrals: { 'Casey Morgan/HSS_RRH': number };
  /** Release exceptions made by consented referrals (open while the referral is: OPEN_RELEASE_THROUGH). */
  consentReleases: { 'Casey Morgan/HSS': number };
  /** The entry put ON_HOLD. */
  onHoldEntry: number;
}

const yesNo = (code: string, group: string, text: string, yesPoints = 1): AssessmentQuestion => ({
  code,
  group,
  text,
  answerType: AnswerType.YES_NO,
  required: true,
  options: [],
  yesPoints,
  min: null,
  max: null,
});

/** Waypoint's own housing-needs questions, in the spirit of a VI-SPDAT (not its wording). */
export const HOUSING_PRIORITY_SURVEY: Pick<
  AssessmentInstrument,
  'name' | 'version' | 'description' | 'questions' | 'placementThreshold'
> = {
  name: 'Housing Priority Survey',
  version: '1.0',
  description:
    'A short housing-needs survey scored 0-17 (a VI-SPDAT-like local tool written for the Waypoint demo); 4 or more places the household on the priority list.',
  placementThreshold: 4,
  questions: [
    {
      code: 'HIST_TIME',
      group: 'History of housing',
      text: 'How long has it been since you last had a place of your own to live?',
      answerType: AnswerType.CODE,
      required: true,
      options: [
        { code: 'UNDER_1Y', label: 'Less than a year', points: 0 },
        { code: '1Y_TO_2Y', label: 'One to two years', points: 1 },
        { code: 'OVER_2Y', label: 'More than two years', points: 2 },
      ],
      yesPoints: null,
      min: null,
      max: null,
    },
    {
      code: 'EPISODES',
      group: 'History of housing',
      text: 'How many separate times have you had no place to stay in the last three years?',
      answerType: AnswerType.CODE,
      required: true,
      options: [
        { code: 'ONE', label: 'Once', points: 0 },
        { code: 'TWO_THREE', label: 'Two or three times', points: 1 },
        { code: 'FOUR_PLUS', label: 'Four times or more', points: 2 },
      ],
      yesPoints: null,
      min: null,
      max: null,
    },
    yesNo('ER_VISITS', 'Risks', 'Have you been to an emergency room more than twice in the last six months?'),
    yesNo('HARMED', 'Risks', 'Has anyone hurt you or threatened you since you lost your housing?', 2),
    yesNo('LEGAL', 'Risks', 'Is a legal matter making it harder to find or keep housing?'),
    yesNo('INCOME', 'Daily life', 'Do you have no regular income at all right now?'),
    yesNo('DAILY_TASKS', 'Daily life', 'Do you need help with everyday tasks such as meals or medicines?'),
    yesNo('CHRONIC', 'Health', 'Do you live with a long-term physical health condition?', 2),
    yesNo('MENTAL', 'Health', 'Has a mental health concern affected where you could stay?', 2),
    yesNo('SUBSTANCE', 'Health', 'Has alcohol or drug use cost you housing before?', 2),
    {
      code: 'HOUSEHOLD',
      group: 'Household',
      text: 'How many people, including you, would live with you?',
      answerType: AnswerType.NUMBER,
      required: false,
      options: [],
      yesPoints: null,
      min: 1,
      max: 20,
    },
  ],
};

export async function seedDemoCe(
  m: EntityManager,
  setup: DemoSetupIds,
  clients: DemoClientIds,
): Promise<DemoCeIds> {
  const { orgs, programs, users } = setup;
  const hps = await insertId(m, AssessmentInstrument, { ...HOUSING_PRIORITY_SURVEY, active: true });

  // The list: every client with an open enrollment in a CE project and a live assessment in it,
  // ranked by the latest assessment.
  const rows: {
    client_id: number;
    enrollment_id: number;
    assessment_id: number;
    score: number | null;
    assessment_date: string;
  }[] = await m.query(
    `SELECT en.client_id, en.id AS enrollment_id, a.id AS assessment_id, a.score, a.assessment_date
     FROM enrollment en
     JOIN program p ON p.id = en.program_id AND p.project_type = 14
     JOIN assessment a ON a.enrollment_id = en.id AND a.date_deleted IS NULL
     WHERE en.date_deleted IS NULL
       AND NOT EXISTS (SELECT 1 FROM enrollment_exit x WHERE x.enrollment_id = en.id AND x.date_deleted IS NULL)
       AND NOT EXISTS (SELECT 1 FROM assessment b WHERE b.enrollment_id = en.id AND b.date_deleted IS NULL
                       AND (b.assessment_date > a.assessment_date OR (b.assessment_date = a.assessment_date AND b.id > a.id)))
     ORDER BY en.client_id`,
  );
  const priorityEntries: Record<number, number> = {};
  for (const r of rows) {
    const clientId = Number(r.client_id);
    const id = await insertId(m, PriorityListEntry, {
      clientId,
      activeClientId: clientId,
      enrollmentId: Number(r.enrollment_id),
      assessmentId: Number(r.assessment_id),
      status: PriorityListStatus.ACTIVE,
      totalScore: r.score === null ? null : Number(r.score),
      assessmentDate: String(r.assessment_date).slice(0, 10),
      listedOn: String(r.assessment_date).slice(0, 10),
    });
    priorityEntries[clientId] = id;
    await m.insert(PriorityListStatusChange, {
      entryId: id,
      fromStatus: null,
      toStatus: PriorityListStatus.ACTIVE,
      reason: 'Placed on the list by a coordinated entry assessment',
      changedById: users['casey.assessor'],
      changedAsOrganizationId: orgs.CCE,
    });
  }

  // One entry on hold: the first CCE filler.
  const onHoldEntry = priorityEntries[clients.filler.CCE[0]];
  await m.update(PriorityListEntry, onHoldEntry, {
    status: PriorityListStatus.ON_HOLD,
    activeClientId: null,
  });
  await m.insert(PriorityListStatusChange, {
    entryId: onHoldEntry,
    fromStatus: PriorityListStatus.ACTIVE,
    toStatus: PriorityListStatus.ON_HOLD,
    reason: 'Cannot be reached at the phone number on file; outreach is looking for them',
    changedById: users['pat.priority'],
    changedAsOrganizationId: orgs.CCE,
  });

  // Casey Morgan's pending referral to Hope Street Rapid Rehousing, with consent: its HUD 4.20
  // event is the one demo-clients.ts records; the consent releases Casey to Hope Street.
  const casey = clients.clients['Casey Morgan'];
  const release = await insertId(m, ReleaseException, {
    clientId: casey,
    organizationId: orgs.HSS,
    validThrough: OPEN_RELEASE_THROUGH,
  });
  const referral = await insertId(m, Referral, {
    organizationId: orgs.CCE,
    clientId: casey,
    restriction: Restriction.RESTRICTED,
    entryId: priorityEntries[casey],
    programId: programs.HSS_RRH,
    receivingOrganizationId: orgs.HSS,
    assessmentId: clients.assessments['Casey Morgan/CE'],
    ceEventId: clients.ceEvents['Casey Morgan/CE'],
    referralDate: (
      await m.query('SELECT event_date FROM ce_event WHERE id = ?', [clients.ceEvents['Casey Morgan/CE']])
    )[0].event_date
      .toString()
      .slice(0, 10),
    status: ReferralStatus.PENDING,
    consent: true,
    releaseExceptionId: release,
    notes: 'Casey is ready to move quickly; prefers a unit near the bus line.',
    referralResult: null,
    closeReason: null,
    closedDate: null,
    createdById: users['pat.priority'],
    updatedById: users['pat.priority'],
    dateDeleted: null,
  });
  return {
    instruments: { HPS: hps },
    priorityEntries,
    referrals: { 'Casey Morgan/HSS_RRH': referral },
    consentReleases: { 'Casey Morgan/HSS': release },
    onHoldEntry,
  };
}
