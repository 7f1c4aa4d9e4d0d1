import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../../src/platform/audit/audit.ts';
import { cliActor, publicActor, type Actor } from '../../src/modules/access/actor.ts';
import { decideObjection } from '../../src/modules/objections/decide-objection.ts';
import { finishDispute } from '../../src/modules/objections/finish-dispute.ts';
import { findDispute, findObjection, listObjectionEvents } from '../../src/modules/objections/queries.ts';
import { readObjectionTracking } from '../../src/modules/objections/read-objection-tracking.ts';
import { recordDispute } from '../../src/modules/objections/record-dispute.ts';
import { recordDisputeStage } from '../../src/modules/objections/record-dispute-stage.ts';
import { recordObjectionReaction } from '../../src/modules/objections/record-objection-reaction.ts';
import { updateOfficeSettings } from '../../src/modules/offices/update-office-settings.ts';
import { getOfficeSettings } from '../../src/modules/offices/queries.ts';
import { decideRequest } from '../../src/modules/requests/decide-request.ts';
import { deliverRequest } from '../../src/modules/requests/deliver-request.ts';
import { findRequest, listEvents } from '../../src/modules/requests/queries.ts';
import { createStaff, office } from '../helpers/factories.ts';
import { objectOnline, refusedRequest } from '../helpers/objections-fixtures.ts';
import { actorOf, pdfDocument, requestsCtx } from '../helpers/requests-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// A dispute at the Komisi Informasi recorded stage by stage — mediation, adjudication, an appeal
// to the PTUN — up to a final outcome; an outcome that orders disclosure reopens the request for
// delivery. Stages move only as the stage table allows.

const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
let officeId: string;
let desk: Actor;
let ppid: Actor;
let atasan: Actor;
const REASONS =
  'Informasi dikecualikan berdasarkan Pasal 17 huruf h angka 2 setelah uji konsekuensi yang tercatat.';

beforeAll(async () => {
  t = await createTestApp({ now: '2026-07-01T02:00:00Z' }); // Wednesday 1 July 2026
  officeId = (await office(t.db.db, OFFICE)).id;
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
    (await createStaff(t.db.db, t.clock, { roles: [{ office: OFFICE, role: 'ATASAN_PPID' }] })).user,
  );
});
afterAll(async () => {
  await t.close();
});

async function rejectedObjection() {
  t.clock.set('2026-07-01T02:00:00Z');
  const request = await refusedRequest(t, officeId, { desk, ppid });
  const objection = await objectOnline(t, officeId, request);
  await decideObjection(requestsCtx(t), atasan, {
    officeId,
    objectionId: objection.objectionId,
    data: { outcome: 'REJECTED', reasons: REASONS },
  });
  return { request, objection };
}

describe('a dispute through its stages', () => {
  it('goes from filing to mediation, adjudication, the PTUN and a final disclosure order, which reopens the request for delivery', async () => {
    const { request, objection } = await rejectedObjection();
    const ctx = requestsCtx(t);
    const id = { officeId, objectionId: objection.objectionId };
    await recordObjectionReaction(ctx, publicActor(), {
      ...id,
      proof: { number: request.number, code: request.trackingCode },
      data: { reaction: 'DOES_NOT_ACCEPT' },
    });

    // The tracking page now explains the next step: the provincial commission, 14 WD.
    const tracking = await readObjectionTracking(ctx, {
      kind: 'tracking',
      officeId,
      number: request.number,
      code: request.trackingCode,
    });
    expect(tracking.commission).toEqual({
      commission: 'KI_PROVINSI',
      name: 'Komisi Informasi Provinsi Jawa Barat',
    });
    expect(tracking.items[0]).toMatchObject({
      disputeOpen: true,
      canReact: false,
      objection: { disputeDeadline: '2026-07-21' },
    });

    t.clock.set('2026-07-10T03:00:00Z');
    await expect(
      recordDispute(ctx, ppid, {
        ...id,
        data: { registrationNumber: '012/REG-PSI/VII/2026', filedOn: '2026-07-11' },
      }),
    ).rejects.toMatchObject({
      fields: [{ field: 'filedOn', key: 'objections.validation.dateInFuture' }],
    });
    await recordDispute(ctx, ppid, {
      ...id,
      data: { registrationNumber: '012/REG-PSI/VII/2026', filedOn: '2026-07-09' },
    });
    expect((await findObjection(t.db.db, officeId, objection.objectionId))!.status).toBe('DISPUTED');
    expect(await findDispute(t.db.db, officeId, objection.objectionId)).toMatchObject({
      stage: 'FILED',
      commission: 'KI_PROVINSI',
      commissionName: 'Komisi Informasi Provinsi Jawa Barat',
      filedLate: false,
    });
    // A court appeal before the commission has decided is out of order.
    await expect(
      recordDisputeStage(ctx, ppid, {
        ...id,
        data: {
          stage: 'COURT',
          court: 'PTUN',
          appellant: 'OFFICE',
          caseNumber: '1/G/KI/2026/PTUN.BDG',
          filedOn: '2026-07-10',
        },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', key: 'objections.error.wrongStage' });

    t.clock.set('2026-08-20T03:00:00Z');
    await recordDisputeStage(ctx, atasan, {
      ...id,
      data: { stage: 'MEDIATION', startedOn: '2026-07-27', endedOn: '2026-08-03', result: 'FAILED' },
    });
    await expect(
      recordDisputeStage(ctx, ppid, { ...id, data: { stage: 'ADJUDICATION', ruling: 'DISCLOSURE_ORDERED' } }),
    ).rejects.toMatchObject({
      fields: [{ field: 'decidedOn', key: 'validation.required' }],
    });
    await recordDisputeStage(ctx, ppid, {
      ...id,
      data: {
        stage: 'ADJUDICATION',
        decidedOn: '2026-08-19',
        decisionNumber: '012/PTS-A/KI-JBR/VIII/2026',
        ruling: 'DISCLOSURE_ORDERED',
      },
    });
    // Mediation is behind it now.
    await expect(
      recordDisputeStage(ctx, ppid, { ...id, data: { stage: 'MEDIATION', startedOn: '2026-07-27' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    t.clock.set('2026-10-05T03:00:00Z');
    await recordDisputeStage(ctx, ppid, {
      ...id,
      data: {
        stage: 'COURT',
        court: 'PTUN',
        appellant: 'OFFICE',
        caseNumber: '21/G/KI/2026/PTUN.BDG',
        filedOn: '2026-09-02',
      },
    });
    // Recorded again when the court has ruled.
    await recordDisputeStage(ctx, ppid, {
      ...id,
      data: {
        stage: 'COURT',
        court: 'PTUN',
        appellant: 'OFFICE',
        caseNumber: '21/G/KI/2026/PTUN.BDG',
        filedOn: '2026-09-02',
        decidedOn: '2026-10-01',
        ruling: 'DISCLOSURE_ORDERED',
      },
    });
    expect(await findDispute(t.db.db, officeId, objection.objectionId)).toMatchObject({
      stage: 'COURT',
      mediationResult: 'FAILED',
      adjudicationRuling: 'DISCLOSURE_ORDERED',
      court: 'PTUN',
      courtRuling: 'DISCLOSURE_ORDERED',
      courtDecidedOn: '2026-10-01',
    });

    // The ruling stands (no kasasi): disclosure ordered, the request reopens with 10 WD.
    t.clock.set('2026-10-19T03:00:00Z'); // Monday 19 October
    await finishDispute(ctx, ppid, {
      ...id,
      data: {
        outcome: 'DISCLOSURE_ORDERED',
        decidedOn: '2026-10-16',
        note: 'Putusan PTUN berkekuatan hukum tetap; berikan hasil pemeriksaan kesehatan.',
      },
    });
    expect((await findObjection(t.db.db, officeId, objection.objectionId))!.status).toBe('CLOSED');
    expect(await findDispute(t.db.db, officeId, objection.objectionId)).toMatchObject({
      stage: 'FINAL',
      outcome: 'DISCLOSURE_ORDERED',
      requestReopened: true,
    });
    const reopened = (await findRequest(t.db.db, officeId, request.requestId))!;
    expect(reopened).toMatchObject({
      status: 'REGISTERED',
      round: 2,
      receivedOn: '2026-10-19',
      dueDate: '2026-11-02',
    });
    expect(reopened.dueExplanation.order).toBe('DISPUTE');
    const requestEvents = await listEvents(t.db.db, officeId, request.requestId, true);
    expect(requestEvents.at(-1)).toMatchObject({
      kind: 'REOPENED_BY_DISPUTE',
      data: { reference: 'Komisi Informasi Provinsi Jawa Barat 012/REG-PSI/VII/2026' },
    });

    // …and the PPID gives the information, the desk delivers it.
    await decideRequest(ctx, ppid, {
      officeId,
      requestId: request.requestId,
      data: {
        outcome: 'GRANTED_FULL',
        materialDescription: 'Hasil pemeriksaan kesehatan sesuai putusan',
        forms: ['SOFTCOPY'],
      },
      uploads: [{ field: 'files', filename: 'hasil.pdf', bytes: await pdfDocument('Hasil pemeriksaan') }],
    });
    await deliverRequest(ctx, desk, {
      officeId,
      requestId: request.requestId,
      data: { kind: 'UNDUH', recipientName: 'Dewi Lestari' },
    });
    expect((await findRequest(t.db.db, officeId, request.requestId))!.status).toBe('DELIVERED');

    const events = await listObjectionEvents(t.db.db, officeId, objection.objectionId, true);
    expect(events.map((e) => e.kind)).toEqual([
      'FILED',
      'DECIDED',
      'NOT_ACCEPTED',
      'DISPUTE_FILED',
      'DISPUTE_MEDIATION',
      'DISPUTE_ADJUDICATION',
      'DISPUTE_COURT',
      'DISPUTE_COURT',
      'DISPUTE_FINAL',
    ]);
    expect((await verifyAuditChains(t.db.db, officeId)).problems).toEqual([]);
  });

  it('does not reopen the request when the refusal is upheld, and can end at the commission', async () => {
    const { request, objection } = await rejectedObjection();
    const ctx = requestsCtx(t);
    const id = { officeId, objectionId: objection.objectionId };
    t.clock.set('2026-07-20T03:00:00Z');
    await recordDispute(ctx, atasan, {
      ...id,
      data: { registrationNumber: '013/REG-PSI/VII/2026', filedOn: '2026-07-20' },
    });
    // Filing the dispute records that the requester did not accept the answer.
    expect((await findObjection(t.db.db, officeId, objection.objectionId))!.reaction).toBe('DOES_NOT_ACCEPT');
    await recordDisputeStage(ctx, ppid, {
      ...id,
      data: { stage: 'ADJUDICATION', decidedOn: '2026-07-20', ruling: 'CLAIM_REJECTED' },
    });
    await finishDispute(ctx, ppid, { ...id, data: { outcome: 'CLAIM_REJECTED', decidedOn: '2026-07-20' } });
    expect(await findDispute(t.db.db, officeId, objection.objectionId)).toMatchObject({
      stage: 'FINAL',
      requestReopened: false,
    });
    expect((await findRequest(t.db.db, officeId, request.requestId))!).toMatchObject({
      status: 'DECIDED',
      round: 1,
    });
    await expect(
      finishDispute(ctx, ppid, { ...id, data: { outcome: 'WITHDRAWN', decidedOn: '2026-07-20' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('flags a dispute filed after the 14 working days, and follows a commission the office names', async () => {
    const current = await getOfficeSettings(t.db.db, officeId);
    await updateOfficeSettings(requestsCtx(t), cliActor(), {
      officeId,
      settings: { ...current, objections: { ...current.objections, kabkotaCommission: true } },
    });
    const { objection } = await rejectedObjection();
    t.clock.set('2026-07-23T03:00:00Z');
    await recordDispute(requestsCtx(t), ppid, {
      officeId,
      objectionId: objection.objectionId,
      data: { registrationNumber: '001/KI-KOTA/VII/2026', filedOn: '2026-07-22' },
    });
    expect(await findDispute(t.db.db, officeId, objection.objectionId)).toMatchObject({
      commission: 'KI_KABKOTA',
      commissionName: 'Komisi Informasi Kota Bandung',
      filedLate: true,
    });
    await updateOfficeSettings(requestsCtx(t), cliActor(), { officeId, settings: current });
  });

  it('lets only the PPID and the Atasan PPID record a dispute, and never before the answer or its lapse', async () => {
    t.clock.set('2026-07-01T02:00:00Z');
    const request = await refusedRequest(t, officeId, { desk, ppid });
    const objection = await objectOnline(t, officeId, request);
    const data = { registrationNumber: '014/REG-PSI/VII/2026', filedOn: '2026-07-01' };
    await expect(
      recordDispute(requestsCtx(t), desk, { officeId, objectionId: objection.objectionId, data }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      recordDispute(requestsCtx(t), ppid, { officeId, objectionId: objection.objectionId, data }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      key: 'objections.error.wrongStatus',
    });
  });
});
