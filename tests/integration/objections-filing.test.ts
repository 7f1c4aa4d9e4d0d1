import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files } from '../../src/platform/storage/schema.ts';
import { mailOutbox } from '../../src/platform/mail/schema.ts';
import { cliActor, publicActor, type Actor } from '../../src/modules/access/actor.ts';
import { fileObjection } from '../../src/modules/objections/file-objection.ts';
import { findObjection, listObjectionDocuments } from '../../src/modules/objections/queries.ts';
import { updateOfficeSettings } from '../../src/modules/offices/update-office-settings.ts';
import { getOfficeSettings } from '../../src/modules/offices/queries.ts';
import { registerRequest } from '../../src/modules/requests/register-request.ts';
import { findRequest, listEvents } from '../../src/modules/requests/queries.ts';
import { withdrawRequest } from '../../src/modules/requests/withdraw-request.ts';
import { createStaff, office } from '../helpers/factories.ts';
import { CASE, objectOnline, refusedRequest, submitOnline } from '../helpers/objections-fixtures.ts';
import { actorOf, pdfDocument, requestsCtx } from '../helpers/requests-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// Filing an objection: the window of each ground by the office calendar (across Lebaran), a late
// objection flagged and still registered, the tracking code, gapless numbers in the office's
// pattern, the election profile's 3 working days, the attorney's power of attorney.

const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
let officeId: string;
let desk: Actor;
let ppid: Actor;

beforeAll(async () => {
  // Thursday 12 February 2026, 09:00 WIB: a request received now is due Monday 2 March (10 WD,
  // skipping the cuti bersama of 16 February and Imlek on the 17th).
  t = await createTestApp({ now: '2026-02-12T02:00:00Z' });
  officeId = (await office(t.db.db, OFFICE)).id;
  desk = await actorOf(
    t,
    (
      await createStaff(t.db.db, t.clock, {
        name: 'Siti Desk',
        roles: [{ office: OFFICE, role: 'PETUGAS_LAYANAN' }],
      })
    ).user,
  );
  ppid = await actorOf(
    t,
    (await createStaff(t.db.db, t.clock, { name: 'Rina PPID', roles: [{ office: OFFICE, role: 'PPID' }] }))
      .user,
  );
  await createStaff(t.db.db, t.clock, {
    email: 'atasan.filing@test.terbuka.test',
    roles: [{ office: OFFICE, role: 'ATASAN_PPID' }],
  });
});
afterAll(async () => {
  await t.close();
});

async function unansweredRequest() {
  t.clock.set('2026-02-12T02:00:00Z');
  const r = await submitOnline(t, officeId, { category: 'BADAN_PUBLIK' });
  await registerRequest(requestsCtx(t), desk, { officeId, requestId: r.requestId });
  expect(r.dueDate).toBe('2026-03-02');
  return r;
}

describe('the filing window (UU 14/2008 Pasal 36(1))', () => {
  it('counts 30 working days from the missed due date across Nyepi, Lebaran and Good Friday, and takes the last day', async () => {
    const r = await unansweredRequest();
    t.clock.set('2026-04-21T08:30:00Z'); // Tuesday 21 April, 15.30 WIB: the last day
    const filed = await objectOnline(t, officeId, r, { grounds: ['c'] });
    expect(filed.late).toBe(false);
    const row = (await findObjection(t.db.db, officeId, filed.objectionId))!;
    expect(row.groundWindows).toEqual([
      { ground: 'c', aroseOn: '2026-03-02', closesOn: '2026-04-21', late: false, mismatch: null },
    ]);
    // The answer: 30 WD from 21 April skip 1 May, Ascension and its cuti bersama, Idul Adha and
    // its cuti bersama, and Pancasila day → Wednesday 10 June.
    expect(filed.dueDate).toBe('2026-06-10');
    expect(row.dueExplanation.skipped.map((s) => s.date)).toEqual(
      expect.arrayContaining([
        '2026-05-01',
        '2026-05-14',
        '2026-05-15',
        '2026-05-27',
        '2026-05-28',
        '2026-06-01',
      ]),
    );
  });

  it('registers a late objection, flags it for the Atasan PPID and says so in the staff email', async () => {
    const r = await unansweredRequest();
    t.clock.set('2026-04-22T02:00:00Z'); // one working day too late
    const filed = await objectOnline(t, officeId, r, { grounds: ['c'] });
    expect(filed).toMatchObject({ status: 'REGISTERED', late: true, lateGrounds: ['c'] });
    expect(filed.number).toMatch(/\/KEB\/32\.73\/IV\/2026$/);
    const mails = await t.db.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.officeId, officeId), eq(mailOutbox.entityId, filed.objectionId)));
    const staffMail = mails.find((m) => m.toAddress === 'atasan.filing@test.terbuka.test');
    expect(staffMail?.subject).toMatch(/^\[TERLAMBAT\] Keberatan baru/);
    const requesterMail = mails.find((m) => m.template === 'objection-received');
    expect(requesterMail?.textBody).toContain('setelah batas waktu 30 hari kerja');
  });

  it('counts a refusal from the day of the written notice', async () => {
    t.clock.set('2026-03-16T02:00:00Z'); // the PPID refuses on Monday 16 March
    const r = await refusedRequest(t, officeId, { desk, ppid });
    t.clock.set('2026-05-06T08:00:00Z'); // 30 WD later, Labour Day skipped
    const filed = await objectOnline(t, officeId, r);
    expect(filed.late).toBe(false);
    const row = (await findObjection(t.db.db, officeId, filed.objectionId))!;
    expect(row.groundWindows[0]).toMatchObject({
      ground: 'a',
      aroseOn: '2026-03-16',
      closesOn: '2026-05-06',
    });
  });
});

describe('grounds that do not match the request (issue 13 item 13)', () => {
  it('registers ground a and c on a request never refused and still in time, flagged on the row, the page and the staff email', async () => {
    t.clock.set('2026-02-12T02:00:00Z');
    const r = await submitOnline(t, officeId, { category: 'BADAN_PUBLIK' });
    await registerRequest(requestsCtx(t), desk, { officeId, requestId: r.requestId });
    t.clock.set('2026-02-19T02:00:00Z'); // due 2 March: still in time, nothing refused
    const filed = await objectOnline(t, officeId, r, { grounds: ['a', 'c'] });
    expect(filed).toMatchObject({ status: 'REGISTERED', mismatchedGrounds: ['a', 'c'] });
    const row = (await findObjection(t.db.db, officeId, filed.objectionId))!;
    expect(row.groundWindows.map((g) => [g.ground, g.mismatch])).toEqual([
      ['a', 'NOT_REFUSED'],
      ['c', 'STILL_IN_TIME'],
    ]);
    const mails = await t.db.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.officeId, officeId), eq(mailOutbox.entityId, filed.objectionId)));
    expect(mails.find((m) => m.toAddress === 'atasan.filing@test.terbuka.test')?.textBody).toContain(
      'alasan huruf a, c tidak sesuai dengan keadaan permohonan',
    );
  });

  it('does not flag ground a on a refused request', async () => {
    t.clock.set('2026-03-16T02:00:00Z');
    const r = await refusedRequest(t, officeId, { desk, ppid });
    t.clock.set('2026-03-20T02:00:00Z');
    const filed = await objectOnline(t, officeId, r, { grounds: ['a'] });
    expect(filed.mismatchedGrounds).toEqual([]);
  });
});

describe('who may file, and for which request', () => {
  it('refuses a wrong tracking code as "not found" and accepts the right one in any case', async () => {
    t.clock.set('2026-03-16T02:00:00Z');
    const r = await refusedRequest(t, officeId, { desk, ppid });
    await expect(
      objectOnline(t, officeId, { ...r, trackingCode: 'AAAA-BBBB-CCCC-DDDD' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      objectOnline(t, officeId, { ...r, number: '999/PPID/32.73/III/2026' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const filed = await objectOnline(t, officeId, { ...r, trackingCode: r.trackingCode.toLowerCase() });
    expect(filed.requestNumber).toBe(r.number);
    const events = await listEvents(t.db.db, officeId, r.requestId, true);
    expect(events.at(-1)).toMatchObject({ kind: 'OBJECTION_FILED', data: { reference: filed.number } });
  });

  it('lets the desk record an objection made in person by the request number, and no one else use the desk channels', async () => {
    t.clock.set('2026-03-16T02:00:00Z');
    const r = await refusedRequest(t, officeId, { desk, ppid });
    const input = {
      officeId,
      channel: 'WALK_IN' as const,
      requestNumber: r.number,
      data: { grounds: ['a', 'e'], caseDescription: CASE },
      uploads: [],
    };
    await expect(fileObjection(requestsCtx(t), publicActor(), input)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      fileObjection(requestsCtx(t), ppid, { ...input, requestNumber: 'nomor-tidak-ada' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ field: 'requestNumber', key: 'objections.validation.requestNotFound' }],
    });
    const filed = await fileObjection(requestsCtx(t), desk, input);
    const row = (await findObjection(t.db.db, officeId, filed.objectionId))!;
    expect(row).toMatchObject({ channel: 'WALK_IN', intakeOfficerName: 'Siti Desk', grounds: ['a', 'e'] });
  });

  it('allows one objection at a time per request, and a refused filing gives its number back', async () => {
    t.clock.set('2026-06-15T02:00:00Z');
    const r1 = await refusedRequest(t, officeId, { desk, ppid });
    const r2 = await refusedRequest(t, officeId, { desk, ppid });
    const first = await objectOnline(t, officeId, r1);
    await expect(objectOnline(t, officeId, r1)).rejects.toMatchObject({
      code: 'CONFLICT',
      key: 'objections.error.alreadyOpen',
      params: { number: first.number },
    });
    const next = await objectOnline(t, officeId, r2);
    const seq = (n: string) => Number(n.split('/')[0]);
    expect(seq(next.number)).toBe(seq(first.number) + 1);
    expect(next.number).toMatch(/^\d{3}\/KEB\/32\.73\/VI\/2026$/);
  });

  it('refuses an objection to a withdrawn request, with a field error', async () => {
    t.clock.set('2026-06-15T02:00:00Z');
    const r = await submitOnline(t, officeId);
    await withdrawRequest(requestsCtx(t), publicActor(), {
      officeId,
      requestId: r.requestId,
      trackingCode: r.trackingCode,
      data: { reason: 'Tidak jadi.' },
    });
    await expect(objectOnline(t, officeId, r, { grounds: ['c'] })).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ field: 'requestNumber' }],
    });
  });

  it('answers every field problem at once', async () => {
    t.clock.set('2026-06-15T02:00:00Z');
    const r = await refusedRequest(t, officeId, { desk, ppid });
    const err = await objectOnline(t, officeId, r, {
      grounds: ['z'],
      caseDescription: 'pendek',
      attorneyPhone: 'abc',
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'VALIDATION' });
    expect((err as { fields: { field: string }[] }).fields.map((f) => f.field).sort()).toEqual([
      'attorneyPhone',
      'caseDescription',
      'grounds.0',
    ]);
    await expect(objectOnline(t, officeId, r, { grounds: [] })).rejects.toMatchObject({
      fields: [{ field: 'grounds', key: 'validation.objectionGroundsRequired' }],
    });
  });
});

describe('an attorney with a special power of attorney (Perki 1/2021 Pasal 39(3)-(4))', () => {
  it('needs the letter, checks it by content, and stores it encrypted', async () => {
    t.clock.set('2026-06-15T02:00:00Z');
    const r = await refusedRequest(t, officeId, { desk, ppid });
    const base = { officeId, channel: 'WEB' as const, requestNumber: r.number, trackingCode: r.trackingCode };
    const data = {
      grounds: ['a'],
      caseDescription: CASE,
      attorneyName: 'Budi Santoso, S.H.',
      attorneyAddress: 'Jl. Braga No. 5, Bandung',
      attorneyPhone: '022 4200 100',
    };
    await expect(
      fileObjection(requestsCtx(t), publicActor(), { ...base, data, uploads: [] }),
    ).rejects.toMatchObject({
      fields: [{ field: 'powerOfAttorneyFile', key: 'objections.validation.powerOfAttorneyRequired' }],
    });
    const fake = {
      field: 'powerOfAttorneyFile',
      filename: 'kuasa.pdf',
      bytes: Buffer.from('MZ\x90 not a pdf at all'),
    };
    await expect(
      fileObjection(requestsCtx(t), publicActor(), { ...base, data, uploads: [fake] }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    const letter = await pdfDocument('Surat Kuasa Khusus — keberatan atas permohonan informasi');
    const filed = await fileObjection(requestsCtx(t), publicActor(), {
      ...base,
      data,
      uploads: [{ field: 'powerOfAttorneyFile', filename: 'surat-kuasa.pdf', bytes: letter }],
    });
    const [doc] = await listObjectionDocuments(t.db.db, officeId, filed.objectionId);
    expect(doc).toMatchObject({ kind: 'SURAT_KUASA_KHUSUS', mediaType: 'application/pdf' });
    const [file] = await t.db.db
      .select()
      .from(files)
      .where(and(eq(files.officeId, officeId), eq(files.id, doc!.fileId)));
    expect(file!.encrypted).toBe(true);
    expect((await t.files.read(file!.storageKey, false)).includes(Buffer.from('%PDF'))).toBe(false);
    expect((await t.files.read(file!.storageKey, true)).equals(letter)).toBe(true);
  });
});

describe('election information (Perki 1/2019 Pasal 14)', () => {
  it('gives the Atasan PPID 3 working days when the office uses the election profile', async () => {
    const current = await getOfficeSettings(t.db.db, officeId);
    await updateOfficeSettings(requestsCtx(t), cliActor(), {
      officeId,
      settings: { ...current, requests: { ...current.requests, electionProfileEnabled: true } },
    });
    t.clock.set('2026-05-05T02:00:00Z');
    const election = await refusedRequest(t, officeId, { desk, ppid }, { category: 'TAHAPAN_PEMILU' });
    const other = await refusedRequest(t, officeId, { desk, ppid }, { category: 'BADAN_PUBLIK' });
    t.clock.set('2026-05-08T03:00:00Z'); // Friday 8 May, 10.00 WIB
    const fast = await objectOnline(t, officeId, election);
    const slow = await objectOnline(t, officeId, other);
    expect(fast.dueDate).toBe('2026-05-13');
    expect(slow.dueDate).toBe('2026-06-29');
    expect((await findObjection(t.db.db, officeId, fast.objectionId))!.deadlineProfile).toBe('ELECTION');
    expect((await findRequest(t.db.db, officeId, election.requestId))!.deadlineProfile).toBe('ELECTION');
    await updateOfficeSettings(requestsCtx(t), cliActor(), { officeId, settings: current });
  });
});
