import { AccessRole, roleAllows, roleAllowsDelete } from './access-role';
import {
  ALL_CAPABILITIES,
  ASSESSMENT_WRITE_CAPABILITIES,
  type Capability,
  isCapability,
} from './capabilities';
import type { VisibilityScope } from './visibility';

/** Where a session stands; only READY sessions reach client-level data. */
export type SessionState =
  'NEEDS_PASSWORD_CHANGE' | 'NEEDS_AGREEMENT' | 'TRAINING_REQUIRED' | 'NEEDS_CONTEXT' | 'READY';

export interface OrgAssignmentFact {
  organizationId: number;
  canLogin: boolean;
  canEdit: boolean;
  agencyLead: boolean;
}

export interface MissingTraining {
  course: string;
  kind: 'ASSESSMENT' | 'GENERAL';
}

/** Everything the access decisions of one request depend on, as loaded from the database. */
export interface AccessFacts {
  sessionId: number;
  userId: number;
  username: string;
  assignedRole: AccessRole;
  agreementAccepted: boolean;
  mustChangePassword: boolean;
  /** The (workgroup, organization) pair stored on the session, if any. */
  selectedWorkgroupId: number | null;
  selectedOrganizationId: number | null;
  workgroupIds: number[];
  /** Capabilities granted by the selected workgroup (raw data; unknown strings are ignored). */
  workgroupCapabilities: string[];
  assignments: OrgAssignmentFact[];
  /** Organizations sharing with the selected organization through a release active today. */
  sharingOrganizationIds: number[];
  missingTrainings: MissingTraining[];
  today: string;
}

/**
 * The caller's access for one request: computed once from `AccessFacts`, never shared between
 * requests or users. Decisions that depend only on the session (capabilities, ceilings, which
 * orgs the caller may edit) are answered here synchronously.
 */
export class AccessContext {
  readonly effectiveRole: AccessRole;
  /** A required assessment training is missing: assessments are read-only. */
  readonly assessmentTrainingPending: boolean;
  readonly state: SessionState;
  /** The active (workgroup, organization), or null while none is validly selected. */
  readonly workgroupId: number | null;
  readonly organizationId: number | null;
  readonly capabilities: ReadonlySet<Capability>;
  readonly loginOrganizationIds: readonly number[];
  private readonly editable: ReadonlySet<number>;

  constructor(readonly facts: AccessFacts) {
    // A missing assessment training makes assessments read-only for every user, rather than
    // locking anyone out (§2.4). Agency staff show it as their role; a manager or administrator
    // keeps the rest of their ceiling (deletes, administration) and loses only assessment writes.
    this.assessmentTrainingPending = facts.missingTrainings.some((t) => t.kind === 'ASSESSMENT');
    this.effectiveRole =
      this.assessmentTrainingPending && facts.assignedRole === AccessRole.AGENCY_STAFF
        ? AccessRole.AGENCY_STAFF_ASSESSMENT_TRAINING_PENDING
        : facts.assignedRole;
    this.loginOrganizationIds = facts.assignments.filter((a) => a.canLogin).map((a) => a.organizationId);
    this.editable = new Set(facts.assignments.filter((a) => a.canEdit).map((a) => a.organizationId));

    const selectionHeld =
      facts.selectedWorkgroupId !== null &&
      facts.selectedOrganizationId !== null &&
      facts.workgroupIds.includes(facts.selectedWorkgroupId) &&
      this.loginOrganizationIds.includes(facts.selectedOrganizationId);
    this.workgroupId = selectionHeld ? facts.selectedWorkgroupId : null;
    this.organizationId = selectionHeld ? facts.selectedOrganizationId : null;

    if (facts.mustChangePassword) this.state = 'NEEDS_PASSWORD_CHANGE';
    else if (!facts.agreementAccepted) this.state = 'NEEDS_AGREEMENT';
    else if (facts.missingTrainings.some((t) => t.kind === 'GENERAL')) this.state = 'TRAINING_REQUIRED';
    else if (!selectionHeld) this.state = 'NEEDS_CONTEXT';
    else this.state = 'READY';

    const granted = new Set(facts.workgroupCapabilities.filter(isCapability));
    this.capabilities =
      this.state === 'READY'
        ? new Set(
            ALL_CAPABILITIES.filter(
              (c) =>
                granted.has(c) &&
                roleAllows(this.effectiveRole, c) &&
                !(this.assessmentTrainingPending && ASSESSMENT_WRITE_CAPABILITIES.includes(c)),
            ),
          )
        : new Set();
  }

  get userId(): number {
    return this.facts.userId;
  }

  get ready(): boolean {
    return this.state === 'READY';
  }

  has(capability: Capability): boolean {
    return this.capabilities.has(capability);
  }

  /** Whether the user's assignment to the owning organization allows editing (whatever the active org). */
  mayEditOwnedBy(organizationId: number): boolean {
    return this.ready && this.editable.has(organizationId);
  }

  mayDeleteOwnedBy(organizationId: number): boolean {
    return this.mayEditOwnedBy(organizationId) && roleAllowsDelete(this.effectiveRole);
  }

  /** The visibility scope of the active organization. Only READY contexts have one. */
  get scope(): VisibilityScope {
    if (this.organizationId === null) throw new Error('no active organization');
    return {
      organizationId: this.organizationId,
      sharingOrganizationIds: this.facts.sharingOrganizationIds,
      today: this.facts.today,
    };
  }
}
