import { ClientReach, ReachSet, ReachSetOrganization, VisibleClientCount } from './access/reach/reach.entity';
import { EndUserAgreementVersion } from './modules/agreement/end-user-agreement.entity';
import {
  Form,
  MenuGroup,
  MenuOption,
  WorkgroupNavigation,
  Workspace,
} from './modules/navigation/navigation.entity';
import { LoginAttempt } from './http/login-attempt.entity';
import { AuditEventClient } from './modules/audit/audit-event-client.entity';
import { AuditEvent } from './modules/audit/audit-event.entity';
import { Client } from './modules/client/client.entity';
import { IdempotencyKey } from './modules/idempotency/idempotency-key.entity';
import { Enrollment } from './modules/enrollment/enrollment.entity';
import { Exit } from './modules/enrollment/exit.entity';
import { Location } from './modules/organization/location.entity';
import { Organization } from './modules/organization/organization.entity';
import { Funder } from './modules/program/funder.entity';
import { Inventory } from './modules/program/inventory.entity';
import { Program } from './modules/program/program.entity';
import { Affiliation } from './modules/program/affiliation.entity';
import { CeParticipation } from './modules/program/ce-participation.entity';
import { HmisParticipation } from './modules/program/hmis-participation.entity';
import { ProjectCoc } from './modules/program/project-coc.entity';
import {
  InformationRelease,
  InformationReleaseShare,
  ReleaseException,
  RestrictionOption,
} from './modules/admin/information-release.entity';
import { Session } from './auth/session.entity';
import { OrgAssignment, User, UserTraining } from './modules/users/user.entity';
import {
  Workgroup,
  WorkgroupCapability,
  WorkgroupMembership,
  WorkgroupRequiredTraining,
} from './modules/admin/workgroup.entity';
import { Assessment } from './modules/transaction/assessment.entity';
import { CeEvent } from './modules/transaction/ce-event.entity';
import { CurrentLivingSituation } from './modules/transaction/current-living-situation.entity';
import { HealthAndDv } from './modules/transaction/health-and-dv.entity';
import { Service } from './modules/transaction/service.entity';
import { Bed, BedNight, Reservation, Stay } from './modules/housing/housing.entity';
import { Disabilities } from './modules/transaction/disabilities.entity';
import { EmploymentEducation } from './modules/transaction/employment-education.entity';
import { IncomeBenefits } from './modules/transaction/income-benefits.entity';
import { YouthEducationStatus } from './modules/transaction/youth-education-status.entity';
import { HudImportMapping } from './modules/hud-csv/import-mapping.entity';
import { AssessmentInstrument } from './modules/ce/instrument.entity';
import {
  PriorityListEntry,
  PriorityListStatusChange,
  PriorityOrderSetting,
} from './modules/ce/priority-list.entity';
import { Referral } from './modules/ce/referral.entity';
import {
  AccountRequest,
  ClientMatchKey,
  ClientMerge,
  ClientMergeMember,
} from './modules/stewardship/stewardship.entity';

export const ENTITIES = [
  Organization,
  Location,
  Program,
  Funder,
  Inventory,
  ProjectCoc,
  Affiliation,
  HmisParticipation,
  CeParticipation,
  Workgroup,
  WorkgroupCapability,
  WorkgroupRequiredTraining,
  WorkgroupMembership,
  User,
  UserTraining,
  OrgAssignment,
  Session,
  InformationRelease,
  InformationReleaseShare,
  ReleaseException,
  RestrictionOption,
  Client,
  Enrollment,
  Exit,
  Service,
  CurrentLivingSituation,
  Assessment,
  CeEvent,
  HealthAndDv,
  AuditEvent,
  AuditEventClient,
  IdempotencyKey,
  LoginAttempt,
  ReachSet,
  ReachSetOrganization,
  ClientReach,
  VisibleClientCount,
  Workspace,
  MenuGroup,
  MenuOption,
  Form,
  WorkgroupNavigation,
  EndUserAgreementVersion,
  ClientMatchKey,
  ClientMerge,
  ClientMergeMember,
  AccountRequest,
  AssessmentInstrument,
  PriorityListEntry,
  PriorityListStatusChange,
  PriorityOrderSetting,
  Referral,
  IncomeBenefits,
  Disabilities,
  EmploymentEducation,
  YouthEducationStatus,
  HudImportMapping,
  Bed,
  Stay,
  BedNight,
  Reservation,
];
