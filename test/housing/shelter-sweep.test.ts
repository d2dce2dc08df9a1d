/**
 * The shelter sweep (access model §8): NO_SHOW for missed reservations, the exit of
 * night-by-night enrollments without a bed night for SHELTER_EXIT_AFTER_DAYS (exit date = the
 * day after the last bed night), the previous night's bed nights for open stays; idempotent.
 */
import { addDays } from '../../src/database/sql-time';
import { sweepShelters } from '../../src/modules/housing/sweep';
import { DemoApp } from '../access/helpers';

const demo = new DemoApp('housing_sweep');

describe('npm run shelter:sweep', () => {
  test('the morning after the seed: exits the overflow guest 8 days without a bed night, marks both reservations NO_SHOW, and a second run changes nothing', async () => {
    const { ids } = demo;
    const tomorrowMorning = new Date(`${addDays(ids.housing.tonight, 1)}T10:00:00`);
    const servicesBefore = Number((await demo.sql('SELECT COUNT(*) AS n FROM service'))[0].n);

    const first = await sweepShelters(demo.app.db.ds, tomorrowMorning);
    expect(first).toEqual({ bedNights: 0, noShows: 2, exits: 1 });
    const [exit] = await demo.sql(`SELECT exit_date FROM enrollment_exit WHERE enrollment_id = ?`, [
      ids.housing.staleOverflowEnrollment,
    ]);
    // Last bed night 8 days ago: exit date = the day after it.
    expect(String(exit.exit_date).slice(0, 10)).toBe(addDays(ids.housing.tonight, -7));
    const statuses = await demo.sql(
      `SELECT status FROM reservation WHERE id IN (${ids.housing.reservations.join(',')})`,
    );
    expect(statuses.map((r) => r.status)).toEqual(['NO_SHOW', 'NO_SHOW']);
    // Open stays already had tonight's bed night from the seed: nothing recorded in advance.
    expect(Number((await demo.sql('SELECT COUNT(*) AS n FROM service'))[0].n)).toBe(servicesBefore);

    const audit = Number((await demo.sql('SELECT COUNT(*) AS n FROM audit_event'))[0].n);
    expect(await sweepShelters(demo.app.db.ds, tomorrowMorning)).toEqual({
      bedNights: 0,
      noShows: 0,
      exits: 0,
    });
    expect(Number((await demo.sql('SELECT COUNT(*) AS n FROM audit_event'))[0].n)).toBe(audit);
  });

  test('two mornings later it confirms the previous night of every stay still open, once', async () => {
    const { ids } = demo;
    const later = new Date(`${addDays(ids.housing.tonight, 2)}T10:00:00`);
    const open = Number(
      (await demo.sql('SELECT COUNT(*) AS n FROM stay WHERE last_night IS NULL AND date_deleted IS NULL'))[0]
        .n,
    );
    expect(open).toBe(16);
    expect((await sweepShelters(demo.app.db.ds, later)).bedNights).toBe(open);
    expect((await sweepShelters(demo.app.db.ds, later)).bedNights).toBe(0);
    const night = addDays(ids.housing.tonight, 1);
    expect(
      Number((await demo.sql('SELECT COUNT(*) AS n FROM bed_night WHERE night = ?', [night]))[0].n),
    ).toBe(open);
  });
});
