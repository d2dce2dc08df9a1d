import type { DataSource, EntityManager } from 'typeorm';
import { AccessRole } from './access-role';
import type { AccessFacts, MissingTraining, OrgAssignmentFact } from './access-context';
import { liveSessionPredicate, touchCutoff } from '../auth/session-validity';
import { sqlTimestamp } from '../database/sql-time';
import { activeSharesJoin } from './visibility';

/** Session facts needed besides AccessFacts: whether it is still valid and due a last-seen update. */
export interface LoadedSession {
  facts: AccessFacts;
  /** lastSeenAt is old enough that it should be refreshed (we write it at most once a minute). */
  touchDue: boolean;
  /** The session wrote within the read-your-writes window: its reads go to the primary. */
  recentWrite: boolean;
}

interface Row {
  k: string;
  n1: number | string | null;
  n2: number | string | null;
  n3: number | string | null;
  n4: number | string | null;
  s1: string | null;
  s2: string | null;
}

const num = (v: number | string | null): number => Number(v);

/**
 * Loads a session and everything its access decisions need in ONE statement: the session and
 * user, the selected workgroup's capabilities, the caller's workgroups and org assignments,
 * the organizations sharing with the selected one today, and missing trainings. The End User
 * Agreement counts as accepted only when the accepted version is the latest published one
 * (an acceptance from before versions were kept counts as version 1), so publishing a new
 * version asks everyone again at their next request. Run once per
 * request, so an administrator's change takes effect on the caller's next request.
 */
export async function loadSession(
  db: DataSource | EntityManager,
  tokenHash: string,
  now: Date,
  today: string,
  limits: { idleMinutes: number; readYourWritesSeconds?: number },
): Promise<LoadedSession | null> {
  const live = liveSessionPredicate('s', tokenHash, now, limits.idleMinutes);
  const writeCutoff = sqlTimestamp(new Date(now.getTime() - (limits.readYourWritesSeconds ?? 5) * 1000));
  const session = `session s JOIN app_user u ON u.id = s.user_id AND u.status = 'ACTIVE'`;
  const sql = `
    SELECT 'session' AS k, s.id AS n1, s.user_id AS n2, s.workgroup_id AS n3, s.organization_id AS n4,
           u.username AS s1, u.access_role AS s2,
           CASE WHEN u.eua_accepted_at IS NOT NULL
                 AND COALESCE(u.eua_accepted_version, 1) >=
                     (SELECT COALESCE(MAX(e.version), 0) FROM end_user_agreement_version e)
                THEN 1 ELSE 0 END AS f1,
           CASE WHEN u.must_change_password = 1 THEN 1 ELSE 0 END AS f2,
           CASE WHEN s.last_seen_at < ? THEN 1 ELSE 0 END AS f3,
           CASE WHEN s.last_write_at >= ? THEN 1 ELSE 0 END AS f4
      FROM ${session} WHERE ${live.sql}
    UNION ALL
    SELECT 'cap', NULL, NULL, NULL, NULL, wc.capability, NULL, 0, 0, 0, 0
      FROM ${session}
      JOIN workgroup_membership m ON m.user_id = s.user_id AND m.workgroup_id = s.workgroup_id
      JOIN workgroup w ON w.id = m.workgroup_id AND w.active = 1
      JOIN workgroup_capability wc ON wc.workgroup_id = m.workgroup_id
     WHERE ${live.sql}
    UNION ALL
    SELECT 'wg', m.workgroup_id, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, 0
      FROM ${session}
      JOIN workgroup_membership m ON m.user_id = s.user_id
      JOIN workgroup w ON w.id = m.workgroup_id AND w.active = 1
     WHERE ${live.sql}
    UNION ALL
    SELECT 'org', a.organization_id, a.can_login, a.can_edit, a.agency_lead, NULL, NULL, 0, 0, 0, 0
      FROM ${session}
      JOIN org_assignment a ON a.user_id = s.user_id
      JOIN organization o ON o.id = a.organization_id AND o.active = 1
     WHERE ${live.sql}
    UNION ALL
    SELECT 'share', sh.from_organization_id, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, 0
      FROM ${session}
      ${activeSharesJoin('s.organization_id')}
     WHERE ${live.sql}
    UNION ALL
    SELECT 'training', NULL, NULL, NULL, NULL, t.course, t.kind, 0, 0, 0, 0
      FROM ${session}
      JOIN workgroup_membership m ON m.user_id = s.user_id
      JOIN workgroup_required_training t ON t.workgroup_id = m.workgroup_id
      LEFT JOIN user_training ut ON ut.user_id = s.user_id AND ut.course = t.course
     WHERE ${live.sql} AND ut.course IS NULL`;
  const liveParams = live.params;
  const params = [
    touchCutoff(now),
    writeCutoff,
    ...liveParams, // session
    ...liveParams, // cap
    ...liveParams, // wg
    ...liveParams, // org
    today, // share: the release active today (activeSharesJoin)
    today,
    ...liveParams,
    ...liveParams, // training
  ];
  const rows: (Row & {
    f1: number | string;
    f2: number | string;
    f3: number | string;
    f4: number | string;
  })[] = await db.query(sql, params);
  const head = rows.find((r) => r.k === 'session');
  if (!head) return null;

  const workgroupIds = new Set<number>();
  const capabilities: string[] = [];
  const assignments: OrgAssignmentFact[] = [];
  const sharing = new Set<number>();
  const missing = new Map<string, MissingTraining>();
  for (const r of rows) {
    switch (r.k) {
      case 'cap':
        capabilities.push(String(r.s1));
        break;
      case 'wg':
        workgroupIds.add(num(r.n1));
        break;
      case 'org':
        assignments.push({
          organizationId: num(r.n1),
          canLogin: num(r.n2) === 1,
          canEdit: num(r.n3) === 1,
          agencyLead: num(r.n4) === 1,
        });
        break;
      case 'share':
        sharing.add(num(r.n1));
        break;
      case 'training':
        missing.set(String(r.s1), {
          course: String(r.s1),
          kind: r.s2 === 'ASSESSMENT' ? 'ASSESSMENT' : 'GENERAL',
        });
        break;
    }
  }
  return {
    touchDue: num(head.f3) === 1,
    recentWrite: num(head.f4) === 1,
    facts: {
      sessionId: num(head.n1),
      userId: num(head.n2),
      username: String(head.s1),
      assignedRole: (head.s2 as AccessRole) ?? AccessRole.AGENCY_STAFF,
      agreementAccepted: num(head.f1) === 1,
      mustChangePassword: num(head.f2) === 1,
      selectedWorkgroupId: head.n3 === null ? null : num(head.n3),
      selectedOrganizationId: head.n4 === null ? null : num(head.n4),
      workgroupIds: [...workgroupIds],
      workgroupCapabilities: capabilities,
      assignments,
      sharingOrganizationIds: [...sharing].sort((a, b) => a - b),
      missingTrainings: [...missing.values()],
      today,
    },
  };
}
