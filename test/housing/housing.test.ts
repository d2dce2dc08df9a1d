/**
 * Housing and reservations (access model §8, issue 13): who may check in, who sees whom on the
 * bed board, one guest per bed a night under concurrency, bed nights = stay nights, and the
 * desk worker's answers to bad input. Runs on SQLite and MariaDB (DATABASE_URL).
 */
import { addDays } from '../../src/database/sql-time';
import { nightOf } from '../../src/modules/housing/nights';
import { DemoApp } from '../access/helpers';

const demo = new DemoApp('housing');
const sam = () => demo.as('sam.shelter');
const riley = () => demo.as('riley.reserve');

const BOARD = `query($f: ID!, $n: LocalDate!) { bedBoard(facilityId: $f, night: $n) {
  night counts { capacity occupied held free outOfService }
  beds { state bed { id label status } stay { id } reservation { id } client { id firstName lastName age ssnLast4 dob } }
} }`;
const CHECK_IN = `mutation($input: CheckInInput!) { checkIn(input: $input) { id firstNight lastNight bed { label } client { id } } }`;
const CHECK_OUT = `mutation($id: ID!, $date: LocalDate) { checkOut(stayId: $id, date: $date) { id lastNight checkOutDate } }`;
const ROLL_CALL = `mutation($f: ID!, $n: LocalDate!, $a: [ID!]) { recordBedNights(facilityId: $f, night: $n, absentStayIds: $a) { id dateProvided } }`;
const RESERVE = `mutation($input: CreateReservationInput!) { createReservation(input: $input) { id status firstNight } }`;
const CLAIM = `mutation($id: ID!) { checkInReservation(id: $id) { id bed { label } client { id } } }`;

const count = async (sql: string, params: unknown[] = []) => Number((await demo.sql(sql, params))[0].n);

/** No hold time (holds last all night), so the board's held beds do not depend on the hour the tests run. */
beforeAll(async () => {
  await demo.exec(`UPDATE location SET hold_time = NULL WHERE is_facility = 1`);
});

describe('who may use the Housing and Reservations workspaces', () => {
  test('Emergency Shelter Staff (sam.shelter) and the Shelter Reservation Team (riley.reserve) read the board; HMIS Users do not', async () => {
    const vars = { f: String(demo.ids.housing.facilities.main), n: demo.ids.housing.tonight };
    await (await sam()).ok(BOARD, vars);
    await (await riley()).ok(BOARD, vars);
    expect((await (await demo.as('mina.manager')).error(BOARD, vars)).code).toBe('FORBIDDEN');
    expect((await (await demo.as('olga.outreach')).error(BOARD, vars)).code).toBe('FORBIDDEN');
  });

  test('checking in needs bed:checkin: riley.reserve (reservations only) is refused, and nothing is written', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM stay');
    const e = await (
      await riley()
    ).error(CHECK_IN, {
      input: {
        clientId: String(demo.ids.clients['Drew Park']),
        bedId: String(demo.ids.housing.beds.main['20']),
      },
    });
    expect(e.code).toBe('FORBIDDEN');
    expect(await count('SELECT COUNT(*) AS n FROM stay')).toBe(before);
  });

  test('creating a reservation needs reservation:manage: sam.shelter is refused', async () => {
    const e = await (
      await sam()
    ).error(RESERVE, {
      input: {
        clientId: String(demo.ids.clients['Drew Park']),
        facilityId: String(demo.ids.housing.facilities.main),
        firstNight: addDays(nightOf(), 1),
      },
    });
    expect(e.code).toBe('FORBIDDEN');
  });
});

describe('the bed board', () => {
  test('tonight at the Main Building: 30 beds, 12 occupied, 2 held, 1 out of service, counts that add up', async () => {
    const { bedBoard } = await (
      await sam()
    ).ok(BOARD, { f: String(demo.ids.housing.facilities.main), n: demo.ids.housing.tonight });
    expect(bedBoard.beds).toHaveLength(30);
    expect(bedBoard.counts).toEqual({ capacity: 29, occupied: 12, held: 2, free: 15, outOfService: 1 });
    const states = (s: string) => bedBoard.beds.filter((b: { state: string }) => b.state === s).length;
    expect([states('OCCUPIED'), states('HELD'), states('OUT_OF_SERVICE'), states('FREE')]).toEqual([
      12, 2, 1, 15,
    ]);
  });

  test('riley.reserve sees the names, age and last four of the SSN of who sleeps there, never the date of birth', async () => {
    const { bedBoard } = await (
      await riley()
    ).ok(BOARD, { f: String(demo.ids.housing.facilities.main), n: demo.ids.housing.tonight });
    const occupied = bedBoard.beds.filter((b: { state: string }) => b.state === 'OCCUPIED');
    for (const b of occupied) {
      expect(b.client.firstName).toEqual(expect.any(String));
      expect(b.client.age).toEqual(expect.any(Number));
      expect(b.client.ssnLast4).toMatch(/^\d{4}$/);
      expect(b.client.dob).toBeNull();
    }
    const held = bedBoard.beds.find((b: { bed: { label: string } }) => b.bed.label === '13');
    expect(held).toMatchObject({ state: 'HELD', client: { id: String(demo.ids.clients['Jamie Fox']) } });
  });

  test('a bed occupied by a stay the caller cannot see shows as occupied, with no stay and no client', async () => {
    // A Safe Harbor (victim service provider) stay, RESTRICTED, in bed 15 tonight.
    const robin = demo.ids.clients['Robin Hayes'];
    await demo.exec(
      `INSERT INTO stay (organization_id, client_id, restriction, enrollment_id, location_id, bed_id, first_night, version, created_at, updated_at)
       VALUES (?, ?, 'RESTRICTED', ?, ?, ?, ?, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')`,
      [
        demo.ids.orgs.SHD,
        robin,
        demo.ids.enrollments['Robin Hayes/ES'],
        demo.ids.housing.facilities.main,
        demo.ids.housing.beds.main['15'],
        demo.ids.housing.tonight,
      ],
    );
    try {
      for (const caller of [await sam(), await riley()]) {
        const { bedBoard } = await caller.ok(BOARD, {
          f: String(demo.ids.housing.facilities.main),
          n: demo.ids.housing.tonight,
        });
        const bed = bedBoard.beds.find((b: { bed: { label: string } }) => b.bed.label === '15');
        expect(bed).toMatchObject({ state: 'OCCUPIED', stay: null, client: null });
        expect(
          bedBoard.beds.some((b: { client: { id: string } | null }) => b.client?.id === String(robin)),
        ).toBe(false);
      }
    } finally {
      await demo.exec(`DELETE FROM stay WHERE client_id = ? AND bed_id = ?`, [
        robin,
        demo.ids.housing.beds.main['15'],
      ]);
    }
  });

  test('the board and the Inventory agree: each program with beds counts exactly its beds in its HUD 2.07 Inventory in force', async () => {
    const rows = await demo.sql(
      `SELECT b.program_id, COUNT(*) AS beds,
              (SELECT SUM(i.bed_inventory) FROM inventory i WHERE i.program_id = b.program_id AND i.inventory_end_date IS NULL) AS inventory
         FROM bed b GROUP BY b.program_id`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) expect(Number(r.inventory)).toBe(Number(r.beds));
  });
});

describe('check-in, roll call, check-out', () => {
  test('bad input: an out-of-service bed, an occupied bed, a client without an open enrollment; desk-worker messages, nothing written', async () => {
    const caller = await sam();
    const night = nightOf();
    const beds = demo.ids.housing.beds.main;
    const drew = String(demo.ids.clients['Drew Park']);
    const before = await count('SELECT COUNT(*) AS n FROM service');
    const oos = await caller.error(CHECK_IN, { input: { clientId: drew, bedId: String(beds['30']), night } });
    expect(oos).toMatchObject({ code: 'CONFLICT' });
    expect(oos.message).toMatch(/^Bed 30 is out of service/);
    const taken = await caller.error(CHECK_IN, {
      input: { clientId: drew, bedId: String(beds['1']), night },
    });
    expect(taken.code).toBe('CONFLICT');
    expect(taken.message).toMatch(/^Bed 1 is taken (tonight|on the night of .*) by another guest/);
    const notEnrolled = await caller.error(CHECK_IN, {
      input: { clientId: String(demo.ids.filler.NSO[0]), bedId: String(beds['21']), night },
    });
    expect(notEnrolled.code).toBe('BAD_USER_INPUT');
    expect(notEnrolled.message).toContain('no open enrollment in Hope Street Emergency Shelter');
    const future = await caller.error(CHECK_IN, {
      input: { clientId: drew, bedId: String(beds['21']), night: addDays(night, 1) },
    });
    expect(future.message).toContain('never in advance');
    const tooEarly = await caller.error(CHECK_IN, {
      input: { clientId: drew, bedId: String(beds['21']), night: '2001-01-01' },
    });
    expect(tooEarly.code).toBe('BAD_USER_INPUT');
    const past = await (
      await riley()
    ).error(RESERVE, {
      input: {
        clientId: drew,
        facilityId: String(demo.ids.housing.facilities.main),
        firstNight: addDays(night, -1),
      },
    });
    expect(past.code).toBe('BAD_USER_INPUT');
    expect(await count('SELECT COUNT(*) AS n FROM service')).toBe(before);
  });

  test("a check-in records the night's bed night (Services RecordType 200) in the same change; a second stay of the same client that night is refused", async () => {
    const caller = await sam();
    const night = nightOf();
    const drew = String(demo.ids.clients['Drew Park']);
    const { checkIn } = await caller.ok(CHECK_IN, {
      input: { clientId: drew, bedId: String(demo.ids.housing.beds.main['22']), night },
    });
    expect(checkIn).toMatchObject({ firstNight: night, lastNight: null, bed: { label: '22' } });
    const [bn] = await demo.sql(
      `SELECT s.record_type, s.type_provided, s.date_provided FROM bed_night b JOIN service s ON s.id = b.service_id WHERE b.stay_id = ?`,
      [Number(checkIn.id)],
    );
    expect([Number(bn.record_type), Number(bn.type_provided), String(bn.date_provided).slice(0, 10)]).toEqual(
      [200, 200, night],
    );
    const again = await caller.error(CHECK_IN, {
      input: { clientId: drew, bedId: String(demo.ids.housing.beds.main['23']), night },
    });
    expect(again.code).toBe('CONFLICT');
    expect(again.message).not.toContain('Drew');
    const out = await caller.ok(CHECK_OUT, { id: checkIn.id, date: addDays(night, 1) });
    expect(out.checkOut).toMatchObject({ lastNight: night, checkOutDate: addDays(night, 1) });
  });

  test('the first check-in at a night-by-night shelter enrolls the client (HUD project type 1) with project start = the night', async () => {
    const caller = await sam();
    const night = nightOf();
    const client = demo.ids.filler.HSS[2];
    const { checkIn } = await caller.ok(CHECK_IN, {
      input: { clientId: String(client), bedId: String(demo.ids.housing.beds.overflow['Mat 8']), night },
    });
    const [e] = await demo.sql(
      `SELECT e.entry_date, p.project_type FROM stay s JOIN enrollment e ON e.id = s.enrollment_id JOIN program p ON p.id = e.program_id WHERE s.id = ?`,
      [Number(checkIn.id)],
    );
    expect([String(e.entry_date).slice(0, 10), Number(e.project_type)]).toEqual([night, 1]);
  });

  test("checkInReservation keeps the reservation's bed and claims the reservation", async () => {
    const [jamie] = demo.ids.housing.reservations;
    const { checkInReservation } = await (await sam()).ok(CLAIM, { id: String(jamie) });
    expect(checkInReservation).toMatchObject({
      bed: { label: '13' },
      client: { id: String(demo.ids.clients['Jamie Fox']) },
    });
    const [r] = await demo.sql(`SELECT status FROM reservation WHERE id = ?`, [jamie]);
    expect(r.status).toBe('CHECKED_IN');
  });

  test('20 concurrent check-ins of the same bed and night: exactly one success, 19 CONFLICT "Bed Mat 9 is taken", one stay, one bed night', async () => {
    const caller = await sam();
    const night = nightOf();
    const bed = demo.ids.housing.beds.overflow['Mat 9'];
    const clients = [
      ...demo.ids.filler.HSS.slice(3, 10),
      ...demo.ids.filler.NSO.slice(0, 10),
      ...demo.ids.filler.HSS.slice(0, 2),
      demo.ids.clients['Alex Rivera'],
    ];
    expect(clients).toHaveLength(20);
    const results = await Promise.all(
      clients.map((c) =>
        caller.post(CHECK_IN, { input: { clientId: String(c), bedId: String(bed), night } }),
      ),
    );
    const ok = results.filter((r) => !r.errors);
    const conflicts = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    for (const r of conflicts)
      expect(r.errors![0].message).toMatch(
        /^Bed Mat 9 is taken (tonight|on the night of .*) by another guest/,
      );
    expect(
      await count(`SELECT COUNT(*) AS n FROM stay WHERE bed_id = ? AND first_night = ?`, [bed, night]),
    ).toBe(1);
    expect(
      await count(`SELECT COUNT(*) AS n FROM bed_night WHERE bed_id = ? AND night = ?`, [bed, night]),
    ).toBe(1);
    // No half-written record: losers left no enrollment, no service.
    const winner = Number((ok[0].data as any).checkIn.client.id);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM enrollment e JOIN program p ON p.id = e.program_id WHERE p.id = ? AND e.entry_date = ? AND e.client_id <> ? AND e.client_id IN (${clients.join(',')})`,
        [demo.ids.housing.overflowProgram, night, winner],
      ),
    ).toBe(0);
  });

  test('the database itself refuses a second guest in a bed for a night, and a second bed for a client for a night', async () => {
    const [row] = await demo.sql(
      'SELECT stay_id, bed_id, client_id, night, service_id FROM bed_night ORDER BY id LIMIT 1',
    );
    const insert = (bed: number, client: number) =>
      demo.exec(
        'INSERT INTO bed_night (stay_id, bed_id, client_id, night, service_id) VALUES (?, ?, ?, ?, ?)',
        [row.stay_id, bed, client, String(row.night).slice(0, 10), row.service_id],
      );
    await expect(insert(row.bed_id, demo.ids.clients['Alex Rivera'])).rejects.toThrow(/unique|duplicate/i);
    await expect(insert(demo.ids.housing.beds.main['29'], row.client_id)).rejects.toThrow(
      /unique|duplicate/i,
    );
  });

  test('the roll call records a bed night for each open stay without one, never in advance; absent guests are checked out after their last bed night', async () => {
    const caller = await sam();
    const night = nightOf();
    const overflow = String(demo.ids.housing.facilities.overflow);
    // Tonight every open stay already has its bed night: nothing to add.
    expect((await caller.ok(ROLL_CALL, { f: overflow, n: night })).recordBedNights).toEqual([]);
    const future = await caller.error(ROLL_CALL, { f: overflow, n: addDays(night, 1) });
    expect(future.code).toBe('BAD_USER_INPUT');
  });

  test('bed nights = stay nights: every bed_night row has its own live bed-night service on its night, one per stay and night', async () => {
    const mismatched = await count(
      `SELECT COUNT(*) AS n FROM bed_night b LEFT JOIN service s ON s.id = b.service_id
        WHERE s.id IS NULL OR s.date_deleted IS NOT NULL OR s.record_type <> 200 OR s.date_provided <> b.night OR s.client_id <> b.client_id`,
    );
    expect(mismatched).toBe(0);
    const services = await count(
      `SELECT COUNT(*) AS n FROM service s JOIN stay st ON st.enrollment_id = s.enrollment_id
        WHERE s.record_type = 200 AND s.date_deleted IS NULL AND s.date_provided >= st.first_night AND (st.last_night IS NULL OR s.date_provided <= st.last_night)`,
    );
    expect(await count('SELECT COUNT(*) AS n FROM bed_night')).toBe(services);
  });
});

describe('setup: facilities and beds (setup:admin)', () => {
  const CREATE_FACILITY = `mutation($input: CreateFacilityInput!) { createFacility(input: $input) { id name holdTime } }`;
  const CREATE_BEDS = `mutation($input: CreateBedsInput!) { createBeds(input: $input) { id label } }`;

  test('a hold time outside the night is refused; beds added to a program raise its HUD Inventory by as many, so they never drift', async () => {
    const admin = await demo.as('admin');
    const bad = await admin.error(CREATE_FACILITY, {
      input: { organizationId: String(demo.ids.orgs.HSS), name: 'Annex', holdTime: '03:00' },
    });
    expect(bad).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(bad.message).toContain('within the evening of the night');
    const { createFacility } = await admin.ok(CREATE_FACILITY, {
      input: { organizationId: String(demo.ids.orgs.HSS), name: 'Hope Street Annex', holdTime: '20:30' },
    });
    const inventory = async () =>
      Number(
        (
          await demo.sql(
            'SELECT SUM(bed_inventory) AS n FROM inventory WHERE program_id = ? AND inventory_end_date IS NULL',
            [demo.ids.programs.HSS_ES],
          )
        )[0].n,
      );
    const before = await inventory();
    await admin.ok(CREATE_BEDS, {
      input: {
        facilityId: createFacility.id,
        programId: String(demo.ids.programs.HSS_ES),
        labels: ['A1', 'A2', 'A3'],
      },
    });
    expect(await inventory()).toBe(before + 3);
    expect(
      await count('SELECT COUNT(*) AS n FROM bed WHERE program_id = ?', [demo.ids.programs.HSS_ES]),
    ).toBe(before + 3);
    const notShelter = await admin.error(CREATE_BEDS, {
      input: { facilityId: createFacility.id, programId: String(demo.ids.programs.HSS_RRH), labels: ['B1'] },
    });
    expect(notShelter.code).toBe('BAD_USER_INPUT');
    expect(
      (
        await (
          await sam()
        ).error(CREATE_BEDS, {
          input: {
            facilityId: createFacility.id,
            programId: String(demo.ids.programs.HSS_ES),
            labels: ['C1'],
          },
        })
      ).code,
    ).toBe('FORBIDDEN');
  });
});

describe('reservations, moves and residents', () => {
  const CANCEL = `mutation($id: ID!, $r: String) { cancelReservation(id: $id, reason: $r) { id status } }`;
  const RESERVATIONS = `query($f: ID, $n: LocalDate) { reservations(facilityId: $f, night: $n) { id status firstNight client { id } bed { label } } }`;
  const MOVE = `mutation($s: ID!, $b: ID!) { moveStay(stayId: $s, bedId: $b) { id bed { label } } }`;
  const RESIDENTS = `query($f: ID!) { currentResidents(facilityId: $f) { id firstNight bed { label } client { id } } }`;

  test('riley.reserve reserves a bed for tomorrow night and cancels it; a bed held for another client cannot be taken', async () => {
    const r = await riley();
    const night = nightOf();
    const facility = String(demo.ids.housing.facilities.main);
    const { createReservation } = await r.ok(RESERVE, {
      input: {
        clientId: String(demo.ids.filler.HSS[5]),
        facilityId: facility,
        bedId: String(demo.ids.housing.beds.main['25']),
        firstNight: addDays(night, 1),
      },
    });
    expect(createReservation).toMatchObject({ status: 'ACTIVE', firstNight: addDays(night, 1) });
    const twice = await r.error(RESERVE, {
      input: {
        clientId: String(demo.ids.filler.HSS[6]),
        facilityId: facility,
        bedId: String(demo.ids.housing.beds.main['25']),
        firstNight: addDays(night, 1),
      },
    });
    expect(twice.code).toBe('CONFLICT');
    expect(twice.message).toContain('Bed 25 is already reserved');
    const listed = (await r.ok(RESERVATIONS, { f: facility, n: addDays(night, 1) })).reservations;
    expect(listed.map((x: { id: string }) => x.id)).toContain(createReservation.id);
    expect(
      (await r.ok(CANCEL, { id: createReservation.id, r: 'Found housing' })).cancelReservation.status,
    ).toBe('CANCELLED');
    expect((await r.error(CANCEL, { id: createReservation.id })).code).toBe('CONFLICT');
  });

  test('tonight a bed held by a reservation is refused to another guest', async () => {
    const e = await (
      await sam()
    ).error(CHECK_IN, {
      input: { clientId: String(demo.ids.filler.HSS[7]), bedId: String(demo.ids.housing.beds.main['14']) },
    });
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/^Bed 14 is held for a reservation tonight/);
  });

  test("moving a stay keeps one stay and moves tonight's bed night; current residents lists the open stays", async () => {
    const caller = await sam();
    const main = String(demo.ids.housing.facilities.main);
    const residents = (await caller.ok(RESIDENTS, { f: main })).currentResidents;
    expect(residents.length).toBeGreaterThanOrEqual(12);
    const stay = residents.find((s: { bed: { label: string } }) => s.bed.label === '1');
    const stays = await count('SELECT COUNT(*) AS n FROM stay');
    const { moveStay } = await caller.ok(MOVE, { s: stay.id, b: String(demo.ids.housing.beds.main['26']) });
    expect(moveStay).toMatchObject({ id: stay.id, bed: { label: '26' } });
    expect(await count('SELECT COUNT(*) AS n FROM stay')).toBe(stays);
    const taken = await caller.error(MOVE, { s: stay.id, b: String(demo.ids.housing.beds.main['2']) });
    expect(taken.message).toMatch(/^Bed 2 is taken/);
  });
});
