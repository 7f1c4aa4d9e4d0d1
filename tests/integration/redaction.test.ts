import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitions } from '../../src/jobs.ts';
import { publicActor, type Actor } from '../../src/modules/access/actor.ts';
import { answerDisposition } from '../../src/modules/requests/answer-disposition.ts';
import { decideRequest } from '../../src/modules/requests/decide-request.ts';
import { deliverRequest } from '../../src/modules/requests/deliver-request.ts';
import { disposeRequest } from '../../src/modules/requests/dispose-request.ts';
import {
  listDispositionFiles,
  listDispositions,
  listReleasedFiles,
} from '../../src/modules/requests/queries.ts';
import { readReleasedFile, renderRequestDocument } from '../../src/modules/requests/request-documents.ts';
import { registerRequest } from '../../src/modules/requests/register-request.ts';
import { submitRequest } from '../../src/modules/requests/submit-request.ts';
import { applyRedaction } from '../../src/modules/redaction/apply-redaction.ts';
import { addRedactionMarks, decideRedactionMark } from '../../src/modules/redaction/mark-redaction.ts';
import { findRedaction, listMarks, listPages } from '../../src/modules/redaction/queries.ts';
import { SAMPLE_PEOPLE, samplePeoplePdf } from '../../src/modules/redaction/samples.ts';
import { startRedaction } from '../../src/modules/redaction/start-redaction.ts';
import { verifyAuditChains } from '../../src/platform/audit/audit.ts';
import { isAppError } from '../../src/platform/errors.ts';
import { JobWorker } from '../../src/platform/jobs/queue.ts';
import { citableEntryId } from '../helpers/exemptions-fixtures.ts';
import { createStaff, createUnit, office } from '../helpers/factories.ts';
import { pdfText } from '../helpers/read-pdf.ts';
import { actorOf, pngImage, requestsCtx, sampleRequest } from '../helpers/requests-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// The release step on a request: a unit's answer (a list with NIKs) is rendered, suggestions
// are accepted or rejected, areas are added, the redaction is applied by the job queue, and
// the requester's download holds none of the blacked-out strings — checked with pdftotext.

const run = promisify(execFile);
const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
let officeId: string;
let unitId: string;
let ppid: Actor;
let desk: Actor;
let unitStaff: Actor;
let worker: JobWorker;
let dir: string;
/** A DIK entry in force that the partial grants cite (issue 10: a partial grant names its basis). */
let entryId: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-18T02:00:00Z' });
  officeId = (await office(t.db.db, OFFICE)).id;
  unitId = (await createUnit(t.db.db, OFFICE, 'Subbagian Teknis dan Hupmas')).id;
  entryId = await citableEntryId(requestsCtx(t), officeId);
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
  worker = new JobWorker({ db: t.db.db, clock: t.clock, definitions: jobDefinitions(t.config) });
  dir = await mkdtemp(path.join(tmpdir(), 'redaction-it-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await t.close();
});

async function pdftotext(bytes: Buffer): Promise<string> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, bytes);
  return (await run('pdftotext', [file, '-'])).stdout;
}

async function requestWithAnswer(bytes: Buffer, filename: string) {
  const ctx = requestsCtx(t);
  const submitted = await submitRequest(ctx, publicActor(), {
    officeId,
    channel: 'WEB',
    data: sampleRequest({ deliveryMethod: 'EMAIL', accessMethods: ['SALINAN_SOFTCOPY'] }),
    uploads: [{ field: 'identityFile', filename: 'ktp.png', bytes: pngImage() }],
  });
  await registerRequest(ctx, desk, { officeId, requestId: submitted.requestId });
  await disposeRequest(ctx, ppid, {
    officeId,
    requestId: submitted.requestId,
    data: { unitIds: [unitId], instruction: 'Siapkan daftar petugas KPPS.', internalDueDate: '2026-11-27' },
  });
  const [disposition] = await listDispositions(t.db.db, officeId, submitted.requestId);
  await answerDisposition(ctx, unitStaff, {
    officeId,
    requestId: submitted.requestId,
    dispositionId: disposition!.id,
    data: { notes: 'Terlampir.', informationHeld: 'yes' },
    uploads: [{ field: 'files', filename, bytes }],
  });
  const [file] = await listDispositionFiles(t.db.db, officeId, [disposition!.id]);
  return { ...submitted, fileId: file!.fileId };
}

const partial = (fileId: string) => ({
  outcome: 'GRANTED_PARTIAL',
  materialDescription: 'Daftar petugas KPPS Kecamatan Coblong',
  forms: ['SOFTCOPY'],
  redactedParts: 'NIK dan nama petugas',
  redactionReason: 'Data pribadi (Pasal 17 huruf h)',
  exemptionGround: 'h',
  exemptionEntryId: entryId,
  deliveryMethod: 'EMAIL',
  releaseFileIds: [fileId],
});

async function rejects(p: Promise<unknown>, key: string) {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(isAppError(e)).toBe(true);
  const err = e as { key: string; fields: { key: string }[] };
  expect([err.key, ...err.fields.map((f) => f.key)]).toContain(key);
}

describe('the release step on a request', () => {
  let req: Awaited<ReturnType<typeof requestWithAnswer>>;
  let redactionId: string;

  it('renders the pages off the request path and suggests the NIKs, phones, emails and names found', async () => {
    req = await requestWithAnswer(await samplePeoplePdf({ pages: 2, hidden: true }), 'daftar-kpps.pdf');
    await rejects(
      startRedaction(requestsCtx(t), desk, {
        officeId,
        data: { subject: 'REQUEST', subjectId: req.requestId, fileId: req.fileId },
      }),
      'error.forbidden',
    );
    ({ id: redactionId } = await startRedaction(requestsCtx(t), ppid, {
      officeId,
      data: { subject: 'REQUEST', subjectId: req.requestId, fileId: req.fileId, names: 'Dewi Lestari' },
    }));
    expect((await findRedaction(t.db.db, officeId, redactionId))!.status).toBe('RENDERING');
    // While it renders, nothing can be released.
    await rejects(
      decideRequest(requestsCtx(t), ppid, {
        officeId,
        requestId: req.requestId,
        data: partial(req.fileId),
        uploads: [],
      }),
      'validation.redactionPending',
    );
    await worker.runOnce();
    const r = (await findRedaction(t.db.db, officeId, redactionId))!;
    expect(r).toMatchObject({ status: 'READY', pageCount: 2, pagesDone: 2 });
    expect(r.report).toMatchObject({ embeddedFiles: 1, formFields: true });
    expect(await listPages(t.db.db, officeId, redactionId)).toHaveLength(2);
    const marks = await listMarks(t.db.db, officeId, redactionId);
    const kinds = marks.map((m) => m.detector);
    expect(kinds.filter((k) => k === 'NIK')).toHaveLength(6); // 3 per page
    expect(kinds).toContain('PHONE');
    expect(kinds).toContain('EMAIL');
    expect(kinds).toContain('NAME');
    expect(marks.every((m) => m.status === 'PROPOSED')).toBe(true);
    // Labels are masked: the list never shows a whole NIK.
    for (const m of marks) for (const p of SAMPLE_PEOPLE) expect(m.label).not.toContain(p.nik);
  });

  it('will not apply while suggestions wait for a decision; then applies accepted marks only', async () => {
    const ctx = requestsCtx(t);
    await rejects(applyRedaction(ctx, ppid, { officeId, redactionId }), 'redaction.error.undecided');
    const marks = await listMarks(t.db.db, officeId, redactionId);
    for (const m of marks) {
      await decideRedactionMark(ctx, ppid, {
        officeId,
        redactionId,
        markId: m.id,
        data: { decision: m.detector === 'NIK' ? 'ACCEPTED' : 'REJECTED' },
      });
    }
    // Two areas drawn by the PPID on page 1 (the blue block; a Pasal 17 ground with a sub-point),
    // and a text search for a name on every page.
    expect(
      await addRedactionMarks(ctx, ppid, {
        officeId,
        redactionId,
        data: {
          mode: 'AREA',
          page: '1',
          left: '9',
          top: '28',
          right: '30',
          bottom: '33.5',
          reason: 'PASAL17',
          ground: 'h',
          subPoint: '1',
        },
      }),
    ).toBe(1);
    await rejects(
      addRedactionMarks(ctx, ppid, {
        officeId,
        redactionId,
        data: {
          mode: 'AREA',
          page: '1',
          left: '9',
          top: '28',
          right: '30',
          bottom: '33',
          reason: 'PASAL17',
          ground: 'h',
          subPoint: '9',
        },
      }),
      'validation.invalidChoice',
    );
    await rejects(
      addRedactionMarks(ctx, ppid, {
        officeId,
        redactionId,
        data: {
          mode: 'AREA',
          page: '7',
          left: '9',
          top: '28',
          right: '30',
          bottom: '33',
          reason: 'PERSONAL_DATA',
        },
      }),
      'validation.invalidChoice',
    );
    expect(
      await addRedactionMarks(ctx, ppid, {
        officeId,
        redactionId,
        data: { mode: 'SEARCH', text: 'Budi Santoso', reason: 'PERSONAL_DATA' },
      }),
    ).toBe(2);
    await rejects(
      addRedactionMarks(ctx, ppid, {
        officeId,
        redactionId,
        data: { mode: 'SEARCH', text: 'tidak ada di berkas', reason: 'PERSONAL_DATA' },
      }),
      'redaction.error.textNotFound',
    );
    await applyRedaction(ctx, ppid, { officeId, redactionId });
    await worker.runOnce();
    const r = (await findRedaction(t.db.db, officeId, redactionId))!;
    expect(r.status).toBe('APPLIED');
    expect(r.resultFileId).toBeTruthy();
  });

  it('the decision releases the redacted copy; the requester downloads it without the redacted strings or metadata', async () => {
    const ctx = requestsCtx(t);
    await decideRequest(ctx, ppid, {
      officeId,
      requestId: req.requestId,
      data: partial(req.fileId),
      uploads: [],
    });
    const released = await listReleasedFiles(t.db.db, officeId, req.requestId);
    const r = (await findRedaction(t.db.db, officeId, redactionId))!;
    expect(released.map((f) => f.fileId)).toEqual([r.resultFileId]);
    expect(released[0]!.name).toBe('daftar-kpps-dihitamkan.pdf');
    await deliverRequest(ctx, desk, {
      officeId,
      requestId: req.requestId,
      data: { kind: 'UNDUH', recipientName: 'Dewi Lestari' },
    });
    const file = await readReleasedFile(
      ctx,
      { kind: 'tracking', officeId, number: req.number, code: req.trackingCode },
      r.resultFileId!,
    );
    const text = await pdftotext(file.bytes);
    for (const p of SAMPLE_PEOPLE) expect(text).not.toContain(p.nik);
    expect(text).not.toContain('Budi Santoso');
    expect(text).toContain('Siti Aminah'); // suggestion rejected: released
    expect(text).toContain('Jadwal rapat pleno');
    const info = (
      await run('pdfinfo', [
        await (async () => {
          const f = path.join(dir, 'released.pdf');
          await writeFile(f, file.bytes);
          return f;
        })(),
      ])
    ).stdout;
    expect(info).not.toMatch(/^(Title|Author|Subject|Keywords|Creator|Producer):/m);
    expect(info).toMatch(/Metadata Stream:\s+no/);
    // The PPID-D records what was blacked out, where and why.
    const notice = await renderRequestDocument(
      ctx,
      { kind: 'staff', actor: ppid, officeId, requestId: req.requestId },
      'pemberitahuan-tertulis',
    );
    const noticeText = await pdfText(notice.bytes);
    expect(noticeText).toContain('daftar-kpps-dihitamkan.pdf: halaman 1, 2');
    expect(noticeText).toContain('Pasal 17 huruf h angka 1');
    const audit = await verifyAuditChains(t.db.db, officeId);
    expect(audit.problems).toEqual([]);
  });

  it('a partial grant of a softcopy without any redaction is refused', async () => {
    const other = await requestWithAnswer(await samplePeoplePdf(), 'lain.pdf');
    await rejects(
      decideRequest(requestsCtx(t), ppid, {
        officeId,
        requestId: other.requestId,
        data: partial(other.fileId),
        uploads: [],
      }),
      'validation.redactionMissing',
    );
  });
});
