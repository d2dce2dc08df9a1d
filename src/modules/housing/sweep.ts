/**
 * The shelter sweep (`npm run shelter:sweep`, daily, access model §8): the previous night's bed
 * nights for stays still open, NO_SHOW for reservations whose last hold has passed, and the
 * exit of night-by-night enrollments with no bed night for SHELTER_EXIT_AFTER_DAYS (HUD exit
 * date = the day after the last bed night). Idempotent: each step selects only what is not
 * done yet, so a second run changes nothing.
 */
import type { DataSource } from 'typeorm';
import { refreshClientReach } from '../../access/reach';
import { hydrate } from '../../database/hydrate';
import { addDays } from '../../database/sql-time';
import { writeTransaction } from '../../database/transactions';
import { LivingSituation, ProjectType } from '../../hud';
import { recordChange } from '../audit/audit.service';
import { Enrollment } from '../enrollment/enrollment.entity';
import { Exit } from '../enrollment/exit.entity';
import { Reservation, ReservationStatus, Stay } from './housing.entity';
import { addBedNight, BED_NIGHT_TYPE } from './housing.service';
import { holdsOn, nightOf, shelterExitAfterDays } from './nights';

export interface SweepResult {
  bedNights: number;
  noShows: number;
  exits: number;
}

const SWEEP = { access: null, requestId: 'shelter-sweep' };

export async function sweepShelters(ds: DataSource, now: Date = new Date()): Promise<SweepResult> {
  const current = nightOf(now);
  const previous = addDays(current, -1);
  const result: SweepResult = { bedNights: 0, noShows: 0, exits: 0 };

  // 1. The previous night for stays still open that have no bed night for it.
  await writeTransaction(ds, async (m) => {
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT s.* FROM stay s WHERE s.last_night IS NULL AND s.date_deleted IS NULL AND s.first_night <= ?
         AND NOT EXISTS (SELECT 1 FROM bed_night b WHERE b.stay_id = s.id AND b.night = ?) ORDER BY s.id`,
      [previous, previous],
    );
    for (const stay of rows.map((r) => hydrate(ds, Stay, r))) {
      const enrollment = await m.getRepository(Enrollment).findOneByOrFail({ id: stay.enrollmentId });
      await addBedNight(
        m,
        SWEEP,
        { stay, enrollment, bedId: stay.bedId, night: previous, access: null },
        'shelterSweep',
      );
      result.bedNights++;
    }
  });

  // 2. Missed reservations: ACTIVE, and no night left whose hold has not passed.
  await writeTransaction(ds, async (m) => {
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT r.*, l.hold_time AS facility_hold_time FROM reservation r JOIN location l ON l.id = r.location_id
        WHERE r.status = 'ACTIVE' AND r.date_deleted IS NULL AND r.last_night <= ? ORDER BY r.id`,
      [current],
    );
    for (const row of rows) {
      const reservation = hydrate(ds, Reservation, row);
      if (holdsOn(reservation.lastNight, (row.facility_hold_time as string | null) ?? null, now)) continue;
      const before = { ...reservation };
      reservation.status = ReservationStatus.NO_SHOW;
      const saved = await m.getRepository(Reservation).save(reservation);
      await recordChange(m, SWEEP, {
        action: 'UPDATE',
        operation: 'shelterSweep',
        entityType: 'Reservation',
        entityId: saved.id,
        clientId: saved.clientId,
        before,
        after: saved,
      });
      result.noShows++;
    }
  });

  // 3. Night-by-night enrollments without a bed night for SHELTER_EXIT_AFTER_DAYS and no open stay.
  const cutoff = addDays(current, -shelterExitAfterDays());
  await writeTransaction(ds, async (m) => {
    const rows: { id: number; last_night: string | Date | null }[] = await m.query(
      `SELECT e.id, (SELECT MAX(sv.date_provided) FROM service sv WHERE sv.enrollment_id = e.id AND sv.date_deleted IS NULL
                      AND sv.record_type = 200 AND sv.type_provided = ${BED_NIGHT_TYPE}) AS last_night
         FROM enrollment e JOIN program p ON p.id = e.program_id
        WHERE p.project_type = ${ProjectType.EMERGENCY_SHELTER_NIGHT_BY_NIGHT} AND e.date_deleted IS NULL
          AND NOT EXISTS (SELECT 1 FROM enrollment_exit x WHERE x.enrollment_id = e.id AND x.date_deleted IS NULL)
          AND NOT EXISTS (SELECT 1 FROM stay s WHERE s.enrollment_id = e.id AND s.last_night IS NULL AND s.date_deleted IS NULL)
        ORDER BY e.id`,
    );
    const clients: number[] = [];
    for (const row of rows) {
      const enrollment = await m.getRepository(Enrollment).findOneByOrFail({ id: row.id });
      const last = row.last_night ? dateText(row.last_night) : null;
      // No bed night at all: counted from the project start date.
      const lastNight = last ?? addDays(enrollment.entryDate, -1);
      if (lastNight >= cutoff) continue;
      const exit = m.getRepository(Exit).create({
        enrollmentId: enrollment.id,
        clientId: enrollment.clientId,
        organizationId: enrollment.organizationId,
        restriction: enrollment.restriction,
        exitDate: addDays(lastNight, 1),
        destination: LivingSituation.NO_EXIT_INTERVIEW_COMPLETED,
        createdById: null,
        updatedById: null,
        dateDeleted: null,
      });
      const saved = await m.getRepository(Exit).save(exit);
      await recordChange(m, SWEEP, {
        action: 'CREATE',
        operation: 'shelterSweep',
        entityType: 'Exit',
        entityId: saved.id,
        clientId: saved.clientId,
        before: null,
        after: saved,
      });
      clients.push(saved.clientId);
      result.exits++;
    }
    if (clients.length) await refreshClientReach(m, clients);
  });
  return result;
}

function dateText(value: string | Date): string {
  if (value instanceof Date) {
    const y = value.getFullYear();
    const mo = String(value.getMonth() + 1).padStart(2, '0');
    const d = String(value.getDate()).padStart(2, '0');
    return `${y}-${mo}-${d}`;
  }
  return String(value).slice(0, 10);
}
