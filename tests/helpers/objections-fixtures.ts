import { publicActor, type Actor } from '../../src/modules/access/actor.ts';
import { decideRequest } from '../../src/modules/requests/decide-request.ts';
import { registerRequest } from '../../src/modules/requests/register-request.ts';
import { submitRequest, type SubmittedRequest } from '../../src/modules/requests/submit-request.ts';
import { fileObjection, type FiledObjection } from '../../src/modules/objections/file-objection.ts';
import { citableEntryId } from './exemptions-fixtures.ts';
import { pngImage, requestsCtx, sampleRequest } from './requests-fixtures.ts';
import type { TestApp } from './test-app.ts';

/** A refusal on a Pasal 17 exemption, with its consequence test (Model PPID-D/E). */
export const REFUSAL = {
  outcome: 'REFUSED_EXEMPT',
  exemptionGround: 'h',
  exemptionSubPoint: '2',
  legalBasis: 'UU 27/2022 tentang Pelindungan Data Pribadi',
  harmAnalysis: 'Membuka riwayat kesehatan calon akan mengungkap rahasia pribadi.',
  publicInterestAnalysis:
    'Kepentingan publik terpenuhi dengan pengumuman hasil pemeriksaan (memenuhi syarat/tidak).',
};

export const CASE =
  'PPID menolak memberikan hasil pemeriksaan kesehatan calon, padahal hasil tersebut menentukan pencalonan dan menyangkut kepentingan publik.';

export async function submitOnline(
  t: TestApp,
  officeId: string,
  overrides: Record<string, unknown> = {},
): Promise<SubmittedRequest> {
  return submitRequest(requestsCtx(t), publicActor(), {
    officeId,
    channel: 'WEB',
    data: sampleRequest(overrides),
    uploads: [{ field: 'identityFile', filename: 'ktp.png', bytes: pngImage() }],
  });
}

/** A request submitted online, registered by the desk and refused by the PPID (now). */
export async function refusedRequest(
  t: TestApp,
  officeId: string,
  staff: { desk: Actor; ppid: Actor },
  overrides: Record<string, unknown> = {},
): Promise<SubmittedRequest> {
  const submitted = await submitOnline(t, officeId, overrides);
  await registerRequest(requestsCtx(t), staff.desk, { officeId, requestId: submitted.requestId });
  const exemptionEntryId = await citableEntryId(requestsCtx(t), officeId);
  await decideRequest(requestsCtx(t), staff.ppid, {
    officeId,
    requestId: submitted.requestId,
    data: { ...REFUSAL, exemptionEntryId },
    uploads: [],
  });
  return submitted;
}

/** The requester objects online with the request's number and tracking code. */
export async function objectOnline(
  t: TestApp,
  officeId: string,
  request: SubmittedRequest,
  data: Record<string, unknown> = {},
): Promise<FiledObjection> {
  return fileObjection(requestsCtx(t), publicActor(), {
    officeId,
    channel: 'WEB',
    requestNumber: request.number,
    trackingCode: request.trackingCode,
    data: { grounds: ['a'], caseDescription: CASE, ...data },
    uploads: [],
  });
}
