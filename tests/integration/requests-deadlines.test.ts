import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor, publicActor } from '../../src/modules/access/actor.ts';
import { updateOfficeSettings } from '../../src/modules/offices/update-office-settings.ts';
import { completeRequest } from '../../src/modules/requests/complete-request.ts';
import { extendRequest } from '../../src/modules/requests/extend-request.ts';
import { markRequestIncomplete } from '../../src/modules/requests/mark-request-incomplete.ts';
import { findRequest } from '../../src/modules/requests/queries.ts';
import { registerRequest } from '../../src/modules/requests/register-request.ts';
import { submitRequest } from '../../src/modules/requests/submit-request.ts';
import { office } from '../helpers/factories.ts';
import { pngImage, requestsCtx, sampleRequest } from '../helpers/requests-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// Due dates of real requests, counted by the office calendar through Lebaran, Nyepi, Easter,
// Christmas and New Year (holiday table 2024-2026, regulation.md §8), in three time zones.

let t: TestApp;
const operator = cliActor('test');

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function submitAt(slug: string, at: string, overrides: Record<string, unknown> = {}) {
  t.clock.set(at);
  const o = await office(t.db.db, slug);
  const res = await submitRequest(requestsCtx(t), publicActor(), {
    officeId: o.id,
    channel: 'API',
    data: sampleRequest(overrides),
    uploads: [],
  });
  return { ...res, officeId: o.id };
}

async function extendAt(officeId: string, requestId: string, at: string) {
  t.clock.set(at);
  await registerRequest(requestsCtx(t), operator, { officeId, requestId });
  return extendRequest(requestsCtx(t), operator, {
    officeId,
    requestId,
    data: { reason: 'Dokumen harus diambil dari arsip di gudang logistik.' },
  });
}

describe('due dates around the long holidays', () => {
  it.each([
    // received (instant)             office                  10 WD due      + 7 WD extension
    ['2026-03-16T02:00:00Z', 'kpu-ri', '2026-04-07', '2026-04-16'], // Nyepi, Lebaran 1447 cuti bersama, Good Friday
    ['2025-03-27T03:00:00Z', 'kpu-prov-jawa-barat', '2025-04-22', '2025-05-02'], // Lebaran 1446: 28 Mar–7 Apr off
    ['2025-12-23T07:00:00Z', 'kpu-kota-surabaya', '2026-01-09', '2026-01-21'], // Christmas, cuti bersama, New Year; Isra Mikraj 16 Jan
    ['2025-12-24T07:15:00Z', 'kpu-kota-jayapura', '2026-01-13', '2026-01-23'], // 16:15 WIT: after the cut-off → day 0 is Mon 29 Dec
    ['2026-12-23T02:00:00Z', 'kpu-kota-bandung', '2027-01-11', '2027-01-20'], // Christmas 2026 (24–25 Dec), into 2027 (not loaded: weekends and the fixed-date 1 January)
  ])('received %s at %s → due %s, extended %s', async (at, slug, due, extended) => {
    const submitted = await submitAt(slug, at);
    expect(submitted.dueDate).toBe(due);
    const after = await extendAt(submitted.officeId, submitted.requestId, at);
    expect(after.extendedDueDate).toBe(extended);
  });

  it('explains the days it skipped, and warns when the next year has no holiday list', async () => {
    const lebaran = await submitAt('kpu-ri', '2026-03-16T02:00:00Z');
    const row = (await findRequest(t.db.db, lebaran.officeId, lebaran.requestId))!;
    const named = row.dueExplanation.skipped
      .filter((s) => s.reason !== 'WEEKEND')
      .map((s) => `${s.date} ${s.reason}`);
    expect(named).toEqual([
      '2026-03-18 CUTI_BERSAMA',
      '2026-03-19 LIBUR_NASIONAL',
      '2026-03-20 CUTI_BERSAMA',
      '2026-03-21 LIBUR_NASIONAL', // Idulfitri on a weekend: named, not just "Sabtu"
      '2026-03-22 LIBUR_NASIONAL',
      '2026-03-23 CUTI_BERSAMA',
      '2026-03-24 CUTI_BERSAMA',
      '2026-04-03 LIBUR_NASIONAL',
      '2026-04-05 LIBUR_NASIONAL',
    ]);
    expect(row.dueExplanation.warnings).toEqual([]);
    const christmas = await submitAt('kpu-kota-bandung', '2026-12-23T02:00:00Z');
    const next = (await findRequest(t.db.db, christmas.officeId, christmas.requestId))!;
    expect(next.dueExplanation.warnings).toEqual([{ code: 'HOLIDAYS_NOT_LOADED', year: 2027 }]);
  });

  it('gives election-stage information 3 + 2 working days when the office enables the profile', async () => {
    const o = await office(t.db.db, 'kpu-kota-bogor');
    await updateOfficeSettings({ db: t.db.db, clock: t.clock }, operator, {
      officeId: o.id,
      settings: { requests: { electionProfileEnabled: true } },
    });
    const election = await submitAt('kpu-kota-bogor', '2026-03-17T02:00:00Z', { category: 'TAHAPAN_PEMILU' });
    expect(election.dueDate).toBe('2026-03-27'); // Tue 17 Mar + 3 WD: 25, 26, 27 (18–24 Mar off)
    const body = await submitAt('kpu-kota-bogor', '2026-03-17T02:00:00Z', { category: 'BADAN_PUBLIK' });
    expect(body.dueDate).toBe('2026-04-08');
    const extended = await extendAt(election.officeId, election.requestId, '2026-03-25T02:00:00Z');
    expect(extended.extendedDueDate).toBe('2026-03-31');
    expect(extended.deadlineProfile).toBe('ELECTION');
  });

  it('closes incompleteness after 3 working days and restarts the clock when completed', async () => {
    const submitted = await submitAt('kpu-kota-bandung', '2026-12-22T02:00:00Z'); // Tuesday
    const ctx = requestsCtx(t);
    const incomplete = await markRequestIncomplete(ctx, operator, {
      officeId: submitted.officeId,
      requestId: submitted.requestId,
      data: { missing: ['KTP'] },
    });
    expect(incomplete.completionDueDate).toBe('2026-12-29'); // 23, 28, 29 (24–27 Dec off)
    t.clock.set('2026-12-28T03:00:00Z');
    const completed = await completeRequest(ctx, publicActor(), {
      officeId: submitted.officeId,
      requestId: submitted.requestId,
      trackingCode: submitted.trackingCode,
      uploads: [{ field: 'identityFile', filename: 'ktp.png', bytes: pngImage() }],
    });
    expect(completed.status).toBe('RECEIVED');
    expect(completed.receivedOn).toBe('2026-12-28');
    expect(completed.dueDate).toBe('2027-01-12'); // 10 WD from Mon 28 Dec: 29, 30, 31, (1 Jan off even though 2027 is not loaded), 4, …
  });
});

describe('the clock after completion follows the office setting (issue 13 item 6)', () => {
  it('keeps the first due date when the office does not restart the clock', async () => {
    const o = await office(t.db.db, 'kpu-kab-garut');
    await updateOfficeSettings({ db: t.db.db, clock: t.clock }, operator, {
      officeId: o.id,
      settings: { requests: { restartClockOnCompletion: false } },
    });
    const submitted = await submitAt('kpu-kab-garut', '2026-11-03T02:00:00Z'); // Tuesday
    expect(submitted.dueDate).toBe('2026-11-17');
    const ctx = requestsCtx(t);
    await markRequestIncomplete(ctx, operator, {
      officeId: submitted.officeId,
      requestId: submitted.requestId,
      data: { missing: ['KTP'] },
    });
    t.clock.set('2026-11-05T03:00:00Z');
    const completed = await completeRequest(ctx, publicActor(), {
      officeId: submitted.officeId,
      requestId: submitted.requestId,
      trackingCode: submitted.trackingCode,
      uploads: [{ field: 'identityFile', filename: 'ktp.png', bytes: pngImage() }],
    });
    expect(completed.status).toBe('RECEIVED');
    expect(completed.dueDate).toBe('2026-11-17');
    expect(completed.receivedOn).toBe('2026-11-03');
  });
});

describe('desk intake of a letter received earlier', () => {
  it('counts from the day the letter arrived and keeps the note', async () => {
    const o = await office(t.db.db, 'kpu-kota-bandung');
    t.clock.set('2026-11-18T02:00:00Z'); // Wednesday
    const ctx = requestsCtx(t);
    const withoutNote = submitRequest(ctx, operator, {
      officeId: o.id,
      channel: 'LETTER',
      data: sampleRequest(),
      uploads: [],
      receivedAtLocal: '2026-11-13T15:00',
    });
    await expect(withoutNote).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [expect.objectContaining({ field: 'receivedNote' })],
    });
    const letter = await submitRequest(ctx, operator, {
      officeId: o.id,
      channel: 'LETTER',
      data: sampleRequest(),
      uploads: [],
      receivedAtLocal: '2026-11-13T15:00',
      receivedNote: 'Surat diterima bagian umum Jumat sore, diteruskan ke meja layanan Rabu.',
    });
    expect(letter.dueDate).toBe('2026-11-27'); // Fri 13 Nov + 10 WD
    const future = submitRequest(ctx, operator, {
      officeId: o.id,
      channel: 'LETTER',
      data: sampleRequest(),
      uploads: [],
      receivedAtLocal: '2026-11-19T09:00',
    });
    await expect(future).rejects.toMatchObject({
      fields: [expect.objectContaining({ key: 'validation.receivedInFuture' })],
    });
  });
});
