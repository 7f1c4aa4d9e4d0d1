import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../../src/platform/mail/schema.ts';
import { verifyAuditChains } from '../../src/platform/audit/audit.ts';
import { publicActor, type Actor } from '../../src/modules/access/actor.ts';
import { decideObjection } from '../../src/modules/objections/decide-objection.ts';
import { findObjection, findObjectionDecision } from '../../src/modules/objections/queries.ts';
import { readObjectionForStaff } from '../../src/modules/objections/read-objection.ts';
import { recordObjectionReaction } from '../../src/modules/objections/record-objection-reaction.ts';
import { settleObjection } from '../../src/modules/objections/settle-objection.ts';
import { withdrawObjection } from '../../src/modules/objections/withdraw-objection.ts';
import { decideRequest } from '../../src/modules/requests/decide-request.ts';
import { deliverRequest } from '../../src/modules/requests/deliver-request.ts';
import { extendRequest } from '../../src/modules/requests/extend-request.ts';
import { findDecision, findRequest, listDecisions, listEvents } from '../../src/modules/requests/queries.ts';
import { readTrackingView } from '../../src/modules/requests/read-tracking-view.ts';
import { renderRequestDocument } from '../../src/modules/requests/request-documents.ts';
import { createStaff, office } from '../helpers/factories.ts';
import { CASE, objectOnline, refusedRequest } from '../helpers/objections-fixtures.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { actorOf, pdfDocument, requestsCtx } from '../helpers/requests-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// The Atasan PPID's decision: overturning reopens the request with the order and a new deadline
// (and the PPID decides again, a new round); rejecting needs written reasons; agreement only for
// grounds b–g; the requester's reaction; who may do what, in which office.

const OFFICE = 'kpu-kota-bandung';
const OTHER = 'kpu-kab-bandung';
let t: TestApp;
let officeId: string;
let otherOfficeId: string;
let desk: Actor;
let ppid: Actor;
let atasan: Actor;
let otherAtasan: Actor;

const REASONS =
  'Hasil pemeriksaan kesehatan memuat riwayat kesehatan pribadi calon yang dikecualikan menurut Pasal 17 huruf h angka 2.';
const ORDER =
  'Berikan ringkasan hasil pemeriksaan kesehatan (memenuhi syarat/tidak memenuhi syarat) tanpa rincian medis.';

beforeAll(async () => {
  t = await createTestApp({ now: '2026-06-15T02:00:00Z' }); // Monday 15 June 2026, 09:00 WIB
  officeId = (await office(t.db.db, OFFICE)).id;
  otherOfficeId = (await office(t.db.db, OTHER)).id;
  desk = await actorOf(
    t,
    (await createStaff(t.db.db, t.clock, { roles: [{ office: OFFICE, role: 'PETUGAS_LAYANAN' }] })).user,
  );
  ppid = await actorOf(
    t,
    (await createStaff(t.db.db, t.clock, { roles: [{ office: OFFICE, role: 'PPID' }] })).user,
  );
  atasan = await actorOf(
    t,
    (
      await createStaff(t.db.db, t.clock, {
        name: 'Dadang Suherman',
        roles: [{ office: OFFICE, role: 'ATASAN_PPID' }],
      })
    ).user,
  );
  otherAtasan = await actorOf(
    t,
    (await createStaff(t.db.db, t.clock, { roles: [{ office: OTHER, role: 'ATASAN_PPID' }] })).user,
  );
});
afterAll(async () => {
  await t.close();
});

async function refusedAndObjected(data: Record<string, unknown> = {}) {
  const request = await refusedRequest(t, officeId, { desk, ppid });
  const objection = await objectOnline(t, officeId, request, data);
  return { request, objection };
}

describe('overturning the PPID (objection granted)', () => {
  it('reopens the request with the order and a new deadline, and the PPID decides and delivers again', async () => {
    t.clock.set('2026-06-15T02:00:00Z');
    const { request, objection } = await refusedAndObjected();
    expect((await findRequest(t.db.db, officeId, request.requestId))!.status).toBe('DECIDED');

    t.clock.set('2026-06-18T03:00:00Z'); // Thursday 18 June
    await decideObjection(requestsCtx(t), atasan, {
      officeId,
      objectionId: objection.objectionId,
      data: { outcome: 'GRANTED', order: ORDER, orderDays: '10' },
    });
    const reopened = (await findRequest(t.db.db, officeId, request.requestId))!;
    // 10 WD from Thursday 18 June: 19, 22–26, 29, 30 June, 1–2 July → Thursday 2 July.
    expect(reopened).toMatchObject({
      status: 'REGISTERED',
      round: 2,
      receivedOn: '2026-06-18',
      dueDate: '2026-07-02',
      extendedDueDate: null,
    });
    expect(reopened.dueExplanation).toMatchObject({ order: 'OBJECTION', workingDays: 10 });
    const decision = (await findObjectionDecision(t.db.db, officeId, objection.objectionId))!;
    expect(decision).toMatchObject({
      outcome: 'GRANTED',
      order: ORDER,
      orderDays: 10,
      requestDueDate: '2026-07-02',
      officerName: 'Dadang Suherman',
    });
    expect((await findObjection(t.db.db, officeId, objection.objectionId))!.status).toBe('DECIDED');
    const events = await listEvents(t.db.db, officeId, request.requestId, true);
    expect(events.map((e) => e.kind).slice(-2)).toEqual(['OBJECTION_FILED', 'REOPENED_BY_OBJECTION']);

    // The tracking page shows the new deadline and no longer the refusal of round 1.
    const view = await readTrackingView(requestsCtx(t), {
      kind: 'tracking',
      officeId,
      number: request.number,
      code: request.trackingCode,
    });
    expect(view.decision).toBeNull();
    expect(view.request.dueDate).toBe('2026-07-02');
    // One extension was the first round's; the order's deadline is not extended.
    await expect(
      extendRequest(requestsCtx(t), ppid, {
        officeId,
        requestId: request.requestId,
        data: { reason: 'Dokumen perlu waktu untuk dipisahkan dari rincian medis.' },
      }),
    ).rejects.toMatchObject({
      key: 'requests.error.noExtensionAfterOrder',
    });

    // Round 2: the PPID grants and the desk hands the information over.
    await decideRequest(requestsCtx(t), ppid, {
      officeId,
      requestId: request.requestId,
      data: {
        outcome: 'GRANTED_FULL',
        materialDescription: 'Ringkasan hasil pemeriksaan kesehatan calon',
        forms: ['SOFTCOPY'],
      },
      uploads: [
        {
          field: 'files',
          filename: 'ringkasan.pdf',
          bytes: await pdfDocument('Ringkasan hasil pemeriksaan kesehatan'),
        },
      ],
    });
    await deliverRequest(requestsCtx(t), desk, {
      officeId,
      requestId: request.requestId,
      data: { kind: 'UNDUH', recipientName: 'Dewi Lestari', close: 'on' },
    });
    expect((await findRequest(t.db.db, officeId, request.requestId))!.status).toBe('CLOSED');
    expect(
      (await listDecisions(t.db.db, officeId, request.requestId)).map((d) => [d.round, d.outcome]),
    ).toEqual([
      [1, 'REFUSED_EXEMPT'],
      [2, 'GRANTED_FULL'],
    ]);
    // The refusal of round 1 can still be drawn (the objection and the dispute cite it).
    const access = { kind: 'staff' as const, actor: ppid, officeId, requestId: request.requestId };
    const first = await renderRequestDocument(requestsCtx(t), access, 'pemberitahuan-tertulis', 1);
    const second = await renderRequestDocument(requestsCtx(t), access, 'pemberitahuan-tertulis');
    expect(await pdfText(first.bytes)).toMatch(
      /☑\s*Informasi yang diminta termasuk informasi yang dikecualikan/,
    );
    expect(await pdfText(second.bytes)).toMatch(/☑\s*Seluruhnya/);
    expect(first.filename).toContain('putaran-1');
    await expect(
      renderRequestDocument(requestsCtx(t), access, 'pemberitahuan-tertulis', 3),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The new round's decision may be objected to again.
    const again = await objectOnline(t, officeId, request, { grounds: ['d'] });
    expect((await findObjection(t.db.db, officeId, again.objectionId))!.requestRound).toBe(2);
    expect((await verifyAuditChains(t.db.db, officeId)).problems).toEqual([]);
  });

  it("reopens the request on a decision granted in part too, with the request's own period by default", async () => {
    t.clock.set('2026-06-15T02:00:00Z');
    const { request, objection } = await refusedAndObjected();
    await decideObjection(requestsCtx(t), atasan, {
      officeId,
      objectionId: objection.objectionId,
      data: { outcome: 'GRANTED_IN_PART', reasons: REASONS, order: ORDER },
    });
    const reopened = (await findRequest(t.db.db, officeId, request.requestId))!;
    expect(reopened).toMatchObject({ status: 'REGISTERED', round: 2, dueDate: '2026-06-30' }); // 10 WD, 1 Muharam (16 June) skipped
    expect(await findDecision(t.db.db, officeId, request.requestId, 2)).toBeUndefined();
  });
});

describe('rejecting (the PPID decision stands)', () => {
  it('refuses a rejection without written reasons, and a grant without an order, changing nothing', async () => {
    t.clock.set('2026-06-15T02:00:00Z');
    const { request, objection } = await refusedAndObjected();
    const ctx = requestsCtx(t);
    await expect(
      decideObjection(ctx, atasan, {
        officeId,
        objectionId: objection.objectionId,
        data: { outcome: 'REJECTED' },
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ field: 'reasons', key: 'objections.validation.reasonsRequired' }],
    });
    await expect(
      decideObjection(ctx, atasan, {
        officeId,
        objectionId: objection.objectionId,
        data: { outcome: 'REJECTED', reasons: 'tidak' },
      }),
    ).rejects.toMatchObject({
      fields: [{ field: 'reasons', key: 'validation.tooShort' }],
    });
    await expect(
      decideObjection(ctx, atasan, {
        officeId,
        objectionId: objection.objectionId,
        data: { outcome: 'GRANTED_IN_PART', reasons: REASONS },
      }),
    ).rejects.toMatchObject({
      fields: [{ field: 'order', key: 'objections.validation.orderRequired' }],
    });
    await expect(
      decideObjection(ctx, atasan, {
        officeId,
        objectionId: objection.objectionId,
        data: { outcome: 'REJECTED', reasons: REASONS, order: ORDER },
      }),
    ).rejects.toMatchObject({
      fields: [{ field: 'order', key: 'objections.validation.noOrderWhenRejected' }],
    });
    expect((await findObjection(t.db.db, officeId, objection.objectionId))!.status).toBe('REGISTERED');
    // The form's default period comes along with a rejection; it is ignored, not an error.
    await decideObjection(ctx, atasan, {
      officeId,
      objectionId: objection.objectionId,
      data: { outcome: 'REJECTED', reasons: REASONS, orderDays: '10' },
    });
    expect(await findObjectionDecision(t.db.db, officeId, objection.objectionId)).toMatchObject({
      outcome: 'REJECTED',
      reasons: REASONS,
      order: null,
      orderDays: null,
      requestDueDate: null,
    });
    const row = (await findObjection(t.db.db, officeId, objection.objectionId))!;
    // The requester has 14 WD from the answer: 16 June (1 Muharam) skipped → Monday 6 July.
    expect(row).toMatchObject({ status: 'DECIDED', disputeDeadline: '2026-07-06' });
    expect((await findRequest(t.db.db, officeId, request.requestId))!).toMatchObject({
      status: 'DECIDED',
      round: 1,
    });
    // The requester is told, with the reasons, the commission and the 14-working-day deadline.
    const [mail] = await t.db.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.officeId, officeId),
          eq(mailOutbox.entityId, objection.objectionId),
          eq(mailOutbox.template, 'objection-decided'),
        ),
      );
    expect(mail).toMatchObject({
      toAddress: 'dewi.lestari@contoh.test',
      subject: `Tanggapan Atasan PPID atas keberatan ${objection.number}: Keberatan ditolak (putusan PPID dikuatkan)`,
    });
    for (const expected of [
      REASONS,
      'Komisi Informasi Provinsi Jawa Barat',
      '6 Juli 2026',
      '/kpu-kota-bandung/permohonan/cek#keberatan',
    ])
      expect(mail!.textBody).toContain(expected);
    expect(mail!.htmlBody).toContain('Komisi Informasi Provinsi Jawa Barat');
    // The decision was objected to once: the next step is the Komisi Informasi, not a second objection.
    await expect(objectOnline(t, officeId, request)).rejects.toMatchObject({
      code: 'CONFLICT',
      key: 'objections.error.alreadyOpen',
    });
    // Decided once: a second decision loses the compare-and-set.
    await expect(
      decideObjection(ctx, atasan, {
        officeId,
        objectionId: objection.objectionId,
        data: { outcome: 'REJECTED', reasons: REASONS },
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      key: 'objections.error.wrongStatus',
    });
  });

  it("records the requester's reaction once, with the tracking code, and closes the objection when accepted", async () => {
    t.clock.set('2026-06-15T02:00:00Z');
    const a = await refusedAndObjected();
    const b = await refusedAndObjected();
    const ctx = requestsCtx(t);
    for (const x of [a, b])
      await decideObjection(ctx, atasan, {
        officeId,
        objectionId: x.objection.objectionId,
        data: { outcome: 'REJECTED', reasons: REASONS },
      });
    const proof = (x: typeof a) => ({ number: x.request.number, code: x.request.trackingCode });
    // Another request's code does not reach this objection.
    await expect(
      recordObjectionReaction(ctx, publicActor(), {
        officeId,
        objectionId: a.objection.objectionId,
        proof: proof(b),
        data: { reaction: 'ACCEPTS' },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await recordObjectionReaction(ctx, publicActor(), {
      officeId,
      objectionId: a.objection.objectionId,
      proof: proof(a),
      data: { reaction: 'ACCEPTS' },
    });
    expect((await findObjection(t.db.db, officeId, a.objection.objectionId))!).toMatchObject({
      status: 'CLOSED',
      reaction: 'ACCEPTS',
    });
    await recordObjectionReaction(ctx, desk, {
      officeId,
      objectionId: b.objection.objectionId,
      data: { reaction: 'DOES_NOT_ACCEPT', note: 'Pemohon menyampaikan lewat telepon.' },
    });
    expect((await findObjection(t.db.db, officeId, b.objection.objectionId))!).toMatchObject({
      status: 'DECIDED',
      reaction: 'DOES_NOT_ACCEPT',
    });
    await expect(
      recordObjectionReaction(ctx, publicActor(), {
        officeId,
        objectionId: b.objection.objectionId,
        proof: proof(b),
        data: { reaction: 'ACCEPTS' },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('settling by agreement (Pasal 35(2))', () => {
  it('is refused when a ground is a (a Pasal 17 refusal), and closes the objection for grounds b–g', async () => {
    t.clock.set('2026-06-15T02:00:00Z');
    const agreement =
      'Para pihak sepakat PPID memberikan salinan dalam lima hari kerja tanpa biaya penggandaan.';
    const withA = await refusedAndObjected({ grounds: ['a', 'f'] });
    await expect(
      settleObjection(requestsCtx(t), atasan, {
        officeId,
        objectionId: withA.objection.objectionId,
        data: { agreement },
      }),
    ).rejects.toMatchObject({
      fields: [{ field: 'agreement', key: 'objections.validation.notSettleable' }],
    });
    const feeOnly = await refusedAndObjected({ grounds: ['f', 'g'] });
    await settleObjection(requestsCtx(t), atasan, {
      officeId,
      objectionId: feeOnly.objection.objectionId,
      data: { agreement },
    });
    expect((await findObjection(t.db.db, officeId, feeOnly.objection.objectionId))!).toMatchObject({
      status: 'SETTLED',
      settlement: agreement,
    });
    await expect(
      decideObjection(requestsCtx(t), atasan, {
        officeId,
        objectionId: feeOnly.objection.objectionId,
        data: { outcome: 'REJECTED', reasons: REASONS },
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});

describe('who may decide and read, in which office', () => {
  it("lets only the Atasan PPID of the office decide or settle; another office's Atasan PPID cannot even read", async () => {
    t.clock.set('2026-06-15T02:00:00Z');
    const { objection } = await refusedAndObjected({ grounds: ['c'] });
    const ctx = requestsCtx(t);
    const data = { outcome: 'REJECTED', reasons: REASONS };
    for (const actor of [desk, ppid, otherAtasan]) {
      await expect(
        decideObjection(ctx, actor, { officeId, objectionId: objection.objectionId, data }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        settleObjection(ctx, actor, {
          officeId,
          objectionId: objection.objectionId,
          data: { agreement: CASE },
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(
      readObjectionForStaff(ctx, otherAtasan, { officeId, objectionId: objection.objectionId }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Through its own office the id is simply not there.
    await expect(
      readObjectionForStaff(ctx, otherAtasan, {
        officeId: otherOfficeId,
        objectionId: objection.objectionId,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      decideObjection(ctx, otherAtasan, {
        officeId: otherOfficeId,
        objectionId: objection.objectionId,
        data,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const view = await readObjectionForStaff(ctx, atasan, { officeId, objectionId: objection.objectionId });
    expect(view.request.request.id).toBe(view.objection.requestId);
    expect(view.request.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['RECEIVED', 'DECIDED', 'OBJECTION_FILED']),
    );
    expect(view.settleable).toBe(true);
    expect((await findObjection(t.db.db, officeId, objection.objectionId))!.status).toBe('REGISTERED');
  });

  it('lets the requester withdraw a waiting objection with the tracking code', async () => {
    t.clock.set('2026-06-15T02:00:00Z');
    const { request, objection } = await refusedAndObjected();
    await withdrawObjection(requestsCtx(t), publicActor(), {
      officeId,
      objectionId: objection.objectionId,
      proof: { number: request.number, code: request.trackingCode },
      data: { reason: 'Sudah diselesaikan langsung dengan PPID.' },
    });
    expect((await findObjection(t.db.db, officeId, objection.objectionId))!.status).toBe('WITHDRAWN');
    // A new objection to the same request is possible again.
    await objectOnline(t, officeId, request);
  });
});
