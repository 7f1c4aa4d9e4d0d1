import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../../src/platform/audit/audit.ts';
import { AppError } from '../../src/platform/errors.ts';
import { mailOutbox } from '../../src/platform/mail/schema.ts';
import { publicActor, type Actor } from '../../src/modules/access/actor.ts';
import { answerDisposition } from '../../src/modules/requests/answer-disposition.ts';
import { closeRequest } from '../../src/modules/requests/close-request.ts';
import { decideRequest } from '../../src/modules/requests/decide-request.ts';
import { deliverRequest } from '../../src/modules/requests/deliver-request.ts';
import { disposeRequest } from '../../src/modules/requests/dispose-request.ts';
import { extendRequest } from '../../src/modules/requests/extend-request.ts';
import { listDispositions, listEvents, findRequest } from '../../src/modules/requests/queries.ts';
import { readTrackingView } from '../../src/modules/requests/read-tracking-view.ts';
import { recordPayment } from '../../src/modules/requests/record-payment.ts';
import { registerRequest } from '../../src/modules/requests/register-request.ts';
import { setRequestFees } from '../../src/modules/requests/set-request-fees.ts';
import { submitRequest } from '../../src/modules/requests/submit-request.ts';
import { withdrawRequest } from '../../src/modules/requests/withdraw-request.ts';
import { createStaff, createUnit, office } from '../helpers/factories.ts';
import { actorOf, pdfDocument, pngImage, requestsCtx, sampleRequest } from '../helpers/requests-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { citableEntryId } from '../helpers/exemptions-fixtures.ts';

const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
let officeId: string;
let unitId: string;
let ppid: Actor;
let desk: Actor;
let unitStaff: Actor;

beforeAll(async () => {
  // Wednesday 18 November 2026, 09:00 WIB.
  t = await createTestApp({ now: '2026-11-18T02:00:00Z' });
  officeId = (await office(t.db.db, OFFICE)).id;
  unitId = (await createUnit(t.db.db, OFFICE, 'Subbagian Teknis dan Hupmas')).id;
  ppid = await actorOf(
    t,
    (await createStaff(t.db.db, t.clock, { name: 'Rina PPID', roles: [{ office: OFFICE, role: 'PPID' }] }))
      .user,
  );
  desk = await actorOf(
    t,
    (
      await createStaff(t.db.db, t.clock, {
        name: 'Siti Desk',
        roles: [{ office: OFFICE, role: 'PETUGAS_LAYANAN' }],
      })
    ).user,
  );
  unitStaff = await actorOf(
    t,
    (await createStaff(t.db.db, t.clock, { roles: [{ office: OFFICE, role: 'PPID_PEMBANTU', unitId }] }))
      .user,
  );
});
afterAll(async () => {
  await t.close();
});

async function submit(overrides: Record<string, unknown> = {}) {
  return submitRequest(requestsCtx(t), publicActor(), {
    officeId,
    channel: 'WEB',
    data: sampleRequest(overrides),
    uploads: [{ field: 'identityFile', filename: 'ktp.png', bytes: pngImage() }],
  });
}

async function statusOf(id: string) {
  return (await findRequest(t.db.db, officeId, id))!.status;
}

describe('a request from submission to closing', () => {
  it('goes through every step with the transition table, the timeline and the audit chain', async () => {
    const ctx = requestsCtx(t);
    const submitted = await submit();
    expect(submitted.number).toMatch(/^\d{3}\/PPID\/32\.73\/XI\/2026$/);
    expect(submitted.dueDate).toBe('2026-12-02'); // 10 working days after Wed 18 Nov 2026
    expect(await statusOf(submitted.requestId)).toBe('RECEIVED');

    await registerRequest(ctx, desk, { officeId, requestId: submitted.requestId });
    await disposeRequest(ctx, ppid, {
      officeId,
      requestId: submitted.requestId,
      data: {
        unitIds: [unitId],
        instruction: 'Siapkan salinan keputusan DPT per kecamatan.',
        internalDueDate: '2026-11-27',
      },
    });
    expect(await statusOf(submitted.requestId)).toBe('IN_PROCESS');
    const [disposition] = await listDispositions(t.db.db, officeId, submitted.requestId);
    await answerDisposition(ctx, unitStaff, {
      officeId,
      requestId: submitted.requestId,
      dispositionId: disposition!.id,
      data: { notes: 'Terlampir keputusan DPT.', informationHeld: 'yes' },
      uploads: [{ field: 'files', filename: 'dpt.pdf', bytes: await pdfDocument('Keputusan DPT') }],
    });
    await setRequestFees(ctx, desk, {
      officeId,
      requestId: submitted.requestId,
      data: { items: [{ kind: 'COPY_HARDCOPY', description: 'Fotokopi', quantity: '12', unitPrice: '500' }] },
    });
    await decideRequest(ctx, ppid, {
      officeId,
      requestId: submitted.requestId,
      data: {
        outcome: 'GRANTED_FULL',
        materialDescription: 'Keputusan KPU Kota Bandung tentang DPT',
        forms: ['SOFTCOPY', 'HARDCOPY'],
      },
      uploads: [
        { field: 'files', filename: 'keputusan-dpt.pdf', bytes: await pdfDocument('Keputusan DPT final') },
      ],
    });
    expect(await statusOf(submitted.requestId)).toBe('AWAITING_PAYMENT');
    await recordPayment(ctx, desk, { officeId, requestId: submitted.requestId, data: { method: 'TUNAI' } });
    await deliverRequest(ctx, desk, {
      officeId,
      requestId: submitted.requestId,
      data: { kind: 'UNDUH', recipientName: 'Dewi Lestari', close: 'on' },
    });
    expect(await statusOf(submitted.requestId)).toBe('CLOSED');

    const events = await listEvents(t.db.db, officeId, submitted.requestId, false);
    expect(events.map((e) => e.kind)).toEqual([
      'RECEIVED',
      'REGISTERED',
      'DISPOSED',
      'IN_PROCESS',
      'DISPOSITION_ANSWERED',
      'FEES_SET',
      'DECIDED',
      'PAID',
      'DELIVERED',
      'CLOSED',
    ]);
    const verify = await verifyAuditChains(t.db.db, officeId);
    expect(verify.problems).toEqual([]);

    const view = await readTrackingView(requestsCtx(t), {
      kind: 'tracking',
      officeId,
      number: submitted.number,
      code: submitted.trackingCode,
    });
    expect(view.request.status).toBe('CLOSED');
    expect(view.downloads.map((f) => f.name)).toEqual(['keputusan-dpt.pdf']);
    expect(view.events.some((e) => e.kind === 'DISPOSED')).toBe(false); // internal steps stay internal

    const mails = await t.db.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.officeId, officeId), eq(mailOutbox.entityId, submitted.requestId)));
    expect(
      mails
        .filter((m) => m.toAddress === 'dewi.lestari@contoh.test')
        .map((m) => m.template)
        .sort(),
    ).toEqual(['request-decided', 'request-delivered', 'request-received']);
  });

  it('refuses a step the transition table does not allow, and changes nothing', async () => {
    const submitted = await submit();
    const ctx = requestsCtx(t);
    await expect(
      decideRequest(ctx, ppid, {
        officeId,
        requestId: submitted.requestId,
        data: { outcome: 'NOT_HELD' },
        uploads: [],
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', key: 'requests.error.wrongStatus' });
    await expect(
      closeRequest(ctx, desk, { officeId, requestId: submitted.requestId }),
    ).rejects.toBeInstanceOf(AppError);
    expect(await statusOf(submitted.requestId)).toBe('RECEIVED');
  });

  it('extends once only, with a written reason, before the due date', async () => {
    const ctx = requestsCtx(t);
    const submitted = await submit();
    await registerRequest(ctx, desk, { officeId, requestId: submitted.requestId });
    await expect(
      extendRequest(ctx, ppid, { officeId, requestId: submitted.requestId, data: { reason: 'pendek' } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    const reason = 'Dokumen berada di gudang arsip dan perlu dipindai ulang.';
    const extended = await extendRequest(ctx, ppid, {
      officeId,
      requestId: submitted.requestId,
      data: { reason },
    });
    expect(extended.extendedDueDate).toBe('2026-12-11'); // 2 Dec + 7 working days
    await expect(
      extendRequest(ctx, ppid, { officeId, requestId: submitted.requestId, data: { reason } }),
    ).rejects.toMatchObject({
      key: 'requests.error.alreadyExtended',
    });
  });

  it('lets only the PPID decide, only the desk or PPID register, and only the unit answer its disposition', async () => {
    const ctx = requestsCtx(t);
    const submitted = await submit();
    await expect(
      registerRequest(ctx, unitStaff, { officeId, requestId: submitted.requestId }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await registerRequest(ctx, desk, { officeId, requestId: submitted.requestId });
    await expect(
      decideRequest(ctx, desk, {
        officeId,
        requestId: submitted.requestId,
        data: { outcome: 'NOT_HELD' },
        uploads: [],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const otherUnit = await createUnit(t.db.db, OFFICE, 'Subbagian Keuangan');
    await disposeRequest(ctx, ppid, {
      officeId,
      requestId: submitted.requestId,
      data: { unitIds: [otherUnit.id], instruction: 'Cek arsip keuangan.', internalDueDate: '2026-11-25' },
    });
    const [disposition] = await listDispositions(t.db.db, officeId, submitted.requestId);
    await expect(
      answerDisposition(ctx, unitStaff, {
        officeId,
        requestId: submitted.requestId,
        dispositionId: disposition!.id,
        data: { notes: 'bukan unit kami', informationHeld: 'no' },
        uploads: [],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets the requester withdraw with the tracking code, and nobody with a wrong one', async () => {
    const submitted = await submit();
    const ctx = requestsCtx(t);
    await expect(
      withdrawRequest(ctx, publicActor(), {
        officeId,
        requestId: submitted.requestId,
        trackingCode: 'AAAA-BBBB-CCCC-DDDD',
        data: { reason: 'Sudah tidak perlu' },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await withdrawRequest(ctx, publicActor(), {
      officeId,
      requestId: submitted.requestId,
      trackingCode: submitted.trackingCode.toLowerCase(),
      data: { reason: 'Informasi sudah saya peroleh dari situs KPU.' },
    });
    expect(await statusOf(submitted.requestId)).toBe('WITHDRAWN');
  });

  it('records a refusal that cites a DIK entry in force, and refuses one that cites nothing', async () => {
    const ctx = requestsCtx(t);
    const submitted = await submit();
    await registerRequest(ctx, desk, { officeId, requestId: submitted.requestId });
    const refusal = {
      outcome: 'REFUSED_EXEMPT',
      exemptionEntryId: await citableEntryId(ctx, officeId),
      legalBasis: 'UU 27/2022 tentang Pelindungan Data Pribadi',
    };
    await expect(
      decideRequest(ctx, ppid, {
        officeId,
        requestId: submitted.requestId,
        data: { ...refusal, exemptionEntryId: '' },
        uploads: [],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [expect.objectContaining({ field: 'exemptionEntryId' })],
    });
    await expect(
      decideRequest(ctx, ppid, {
        officeId,
        requestId: submitted.requestId,
        data: { ...refusal, exemptionEntryId: '00000000-0000-4000-8000-000000000000' },
        uploads: [],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [
        expect.objectContaining({ field: 'exemptionEntryId', key: 'exemptions.error.entryNotInForce' }),
      ],
    });
    await decideRequest(ctx, ppid, { officeId, requestId: submitted.requestId, data: refusal, uploads: [] });
    expect(await statusOf(submitted.requestId)).toBe('DECIDED');
    await closeRequest(ctx, desk, { officeId, requestId: submitted.requestId });
    expect(await statusOf(submitted.requestId)).toBe('CLOSED');
  });
});
