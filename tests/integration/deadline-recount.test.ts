import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/modules/access/actor.ts';
import {
  addHoliday,
  addOfficeClosure,
  confirmHolidayYear,
  removeOfficeClosure,
} from '../../src/modules/calendar/manage-holidays.ts';
import { listOfficeClosures, loadOfficeCalendar } from '../../src/modules/calendar/queries.ts';
import { buildObjectionRegister } from '../../src/modules/objections/build-objection-register.ts';
import { renderObjectionDocument } from '../../src/modules/objections/objection-documents.ts';
import { findObjection, listObjectionEvents } from '../../src/modules/objections/queries.ts';
import { findRequest, listEvents } from '../../src/modules/requests/queries.ts';
import { deadlineState } from '../../src/modules/requests/deadline-state.ts';
import { renderRequestDocument } from '../../src/modules/requests/request-documents.ts';
import { auditLog } from '../../src/platform/audit/schema.ts';
import { mailOutbox as outbox } from '../../src/platform/mail/schema.ts';
import { createStaff, office } from '../helpers/factories.ts';
import { objectOnline, refusedRequest, submitOnline } from '../helpers/objections-fixtures.ts';
import { actorOf, requestsCtx } from '../helpers/requests-fixtures.ts';
import { pdfText } from '../helpers/read-pdf.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// Issue 13 item 2: when the calendar changes, open deadlines are counted again in the same
// transaction, audited, with the old and new date on the timeline; the stored date, the
// countdown and the letters agree (ADR 0046).

let t: TestApp;
const operator = cliActor('test');
const ctx = () => ({ db: t.db.db, clock: t.clock });

beforeAll(async () => {
  t = await createTestApp({ now: '2026-12-23T02:00:00Z' });
});
afterAll(async () => {
  await t.close();
});

describe('recounting open deadlines when the calendar changes', () => {
  it('moves a request’s due date when 2027 holidays are added, with event, audit, mail and letter', async () => {
    const o = await office(t.db.db, 'kpu-kota-bandung');
    const submitted = await submitOnline(t, o.id);
    expect(submitted.dueDate).toBe('2027-01-11');
    t.clock.set('2026-12-28T02:00:00Z');
    await addHoliday(ctx(), operator, {
      date: '2027-01-05',
      kind: 'CUTI_BERSAMA',
      name: 'Cuti bersama contoh',
    });
    const row = (await findRequest(t.db.db, o.id, submitted.requestId))!;
    expect(row.dueDate).toBe('2027-01-12');
    expect(row.dueExplanation.dueDate).toBe('2027-01-12');
    expect(row.dueExplanation.skipped).toContainEqual({
      date: '2027-01-05',
      reason: 'CUTI_BERSAMA',
      name: 'Cuti bersama contoh',
    });
    const events = await listEvents(t.db.db, o.id, submitted.requestId, true);
    expect(events.find((e) => e.kind === 'DUE_DATE_RECOUNTED')?.data).toMatchObject({
      from: '2027-01-11',
      to: '2027-01-12',
    });
    const audits = await t.db.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'request.due_date_recounted'), eq(auditLog.entityId, submitted.requestId)),
      );
    expect(audits).toHaveLength(1);
    const mails = await t.db.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.entityId, submitted.requestId), eq(outbox.template, 'request-due-moved')));
    expect(mails).toHaveLength(1);
    // The countdown counts to the stored date on the same calendar.
    const calendar = await loadOfficeCalendar(t.db.db, o);
    expect(deadlineState(row, '2026-12-28', calendar, 2)).toMatchObject({
      due: '2027-01-12',
      workingDaysLeft: 9,
    });
    // The receipt printed now carries the new date.
    const receipt = await renderRequestDocument(
      requestsCtx(t),
      { kind: 'staff', actor: operator, officeId: o.id, requestId: submitted.requestId },
      'tanda-terima',
    );
    expect(await pdfText(receipt.bytes)).toContain('12 Januari 2027');
  });

  it('an office closure added later never gives the office more time on a request it holds; removing one brings dates back', async () => {
    const o = await office(t.db.db, 'kpu-kab-bandung');
    t.clock.set('2026-12-28T02:00:00Z');
    const submitted = await submitOnline(t, o.id);
    const first = (await findRequest(t.db.db, o.id, submitted.requestId))!.dueDate;
    await addOfficeClosure(ctx(), operator, o.id, { date: '2027-01-07', name: 'Kantor ditutup (banjir)' });
    expect((await findRequest(t.db.db, o.id, submitted.requestId))!.dueDate).toBe(first);
    // A request received after the closure was declared counts it.
    const later = await submitOnline(t, o.id);
    const laterDue = (await findRequest(t.db.db, o.id, later.requestId))!.dueDate;
    expect(laterDue > first).toBe(true);
    const [closure] = await listOfficeClosures(t.db.db, o.id, 2027);
    await removeOfficeClosure(ctx(), operator, o.id, closure!.id);
    expect((await findRequest(t.db.db, o.id, later.requestId))!.dueDate).toBe(first);
  });

  it('moves an objection’s answer due date and clears the warning once the year is confirmed', async () => {
    const o = await office(t.db.db, 'kpu-kota-cimahi');
    t.clock.set('2026-12-03T02:00:00Z');
    const desk = await actorOf(
      t,
      (
        await createStaff(t.db.db, t.clock, {
          roles: [{ office: 'kpu-kota-cimahi', role: 'PETUGAS_LAYANAN' }],
        })
      ).user,
    );
    const ppid = await actorOf(
      t,
      (await createStaff(t.db.db, t.clock, { roles: [{ office: 'kpu-kota-cimahi', role: 'PPID' }] })).user,
    );
    const request = await refusedRequest(t, o.id, { desk, ppid });
    t.clock.set('2026-12-04T02:00:00Z');
    const filed = await objectOnline(t, o.id, request);
    const before = (await findObjection(t.db.db, o.id, filed.objectionId))!;
    // Item 1: the warning is shown wherever the date is: the API answer, the PPID-F, the register.
    expect(filed.dueWarnings).toEqual([{ code: 'HOLIDAYS_NOT_LOADED', year: 2027 }]);
    const form = await renderObjectionDocument(
      requestsCtx(t),
      { kind: 'staff', actor: ppid, officeId: o.id, objectionId: filed.objectionId },
      'pernyataan-keberatan',
    );
    const formText = await pdfText(form.bytes);
    expect(formText).toContain('21 Januari 2027');
    expect(formText).toContain('tahun 2027 belum dimuat');
    const register = await buildObjectionRegister(ctx(), ppid, { officeId: o.id, filter: {} });
    expect(register.rows.find((r) => r.number === filed.number)?.dueDate).toContain(
      'daftar libur 2027 belum dimuat',
    );
    // 30 WD from Friday 4 December: 20 January, one later for the 5 January added above.
    expect(before.dueDate).toBe('2027-01-21');
    expect(before.dueExplanation.warnings).toEqual([{ code: 'HOLIDAYS_NOT_LOADED', year: 2027 }]);
    await addHoliday(ctx(), operator, { date: '2027-01-14', kind: 'LIBUR_NASIONAL', name: 'Libur contoh' });
    expect((await findObjection(t.db.db, o.id, filed.objectionId))!.dueDate).toBe('2027-01-22');
    await confirmHolidayYear(ctx(), operator, { year: '2027' });
    const after = (await findObjection(t.db.db, o.id, filed.objectionId))!;
    // Loaded: 1 January is off only if the list has it; this test list does not, so it counts again.
    expect(after.dueExplanation.warnings).toEqual([]);
    expect(after.dueDate).toBe('2027-01-21');
    const events = await listObjectionEvents(t.db.db, o.id, filed.objectionId, true);
    expect(
      events.filter((e) => e.kind === 'DUE_DATE_RECOUNTED').map((e) => [e.data.from, e.data.to]),
    ).toEqual([
      ['2027-01-21', '2027-01-22'],
      ['2027-01-22', '2027-01-21'],
    ]);
  });
});
