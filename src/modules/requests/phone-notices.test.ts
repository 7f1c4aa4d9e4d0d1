import { describe, expect, it } from 'vitest';
import { phoneSummary, requesterPhoneMail, type PhoneEvent } from './phone-notices.ts';

const OFFICE = 'KPU Kota Bandung';
const AT = new Date('2026-11-18T02:00:00Z');
const meta = { entityType: 'request', entityId: 'r1', url: 'https://ppid.test/kpu/permohonan/cek', at: AT };

describe('phoneSummary', () => {
  it.each<[PhoneEvent, string]>([
    [
      { kind: 'request-received', number: '001/PPID/XI/2026', dueDateText: '2 Desember 2026' },
      'Permohonan informasi Anda nomor 001/PPID/XI/2026 telah diterima PPID KPU Kota Bandung. Pemberitahuan tertulis paling lambat 2 Desember 2026. Lacak dengan kode lacak pada tanda terima Anda.',
    ],
    [
      { kind: 'request-extended', number: '001', newDueText: '11 Desember 2026' },
      'Jangka waktu jawaban permohonan 001 diperpanjang sampai 11 Desember 2026.',
    ],
    [
      { kind: 'request-decided', number: '001', outcomeText: 'Dikabulkan seluruhnya' },
      'Pemberitahuan tertulis atas permohonan 001 telah terbit: Dikabulkan seluruhnya.',
    ],
    [
      { kind: 'request-delivered', number: '001', deliveryText: 'salinan elektronik' },
      'Informasi atas permohonan 001 telah diberikan (salinan elektronik). Dokumen dapat diunduh dari halaman lacak.',
    ],
    [
      { kind: 'objection-received', number: 'K-01', requestNumber: '001', dueDateText: '5 Januari 2027' },
      'Keberatan Anda nomor K-01 atas permohonan 001 telah diterima. Tanggapan Atasan PPID paling lambat 5 Januari 2027.',
    ],
    [
      { kind: 'objection-decided', number: 'K-01', outcomeText: 'Keberatan diterima' },
      'Atasan PPID telah menanggapi keberatan K-01: Keberatan diterima.',
    ],
  ])('%j', (event, expected) => {
    expect(phoneSummary(event, OFFICE)).toBe(expected);
  });

  it('keeps every message short enough for two SMS parts', () => {
    const events: PhoneEvent[] = [
      { kind: 'request-received', number: '0001/PPID.KPU-32.73/XI/2026', dueDateText: '22 September 2026' },
      {
        kind: 'request-incomplete',
        number: '0001/PPID.KPU-32.73/XI/2026',
        completionDueText: '22 September 2026',
      },
      {
        kind: 'request-closed-incomplete',
        number: '0001/PPID.KPU-32.73/XI/2026',
        completionDueText: '22 September 2026',
      },
      { kind: 'objection-settled', number: '0001/KEB/32.73/XI/2026' },
      {
        kind: 'objection-lapsed',
        number: '0001/KEB/32.73/XI/2026',
        disputeDeadlineText: '22 September 2026',
      },
    ];
    for (const e of events) {
      const mail = requesterPhoneMail({ name: 'Dewi Lestari', phone: '0812 2345 6789' }, OFFICE, e, meta)!;
      expect(mail.text.length, e.kind).toBeLessThanOrEqual(306);
    }
  });
});

describe('requesterPhoneMail', () => {
  const event: PhoneEvent = { kind: 'request-decided', number: '001', outcomeText: 'Dikabulkan' };
  it.each([
    ['0812-2345-6789', '+6281223456789'],
    ['+6281223456789', '+6281223456789'],
    ['call me', null],
    [null, null],
  ])('sends to %s as %s', (phone, to) => {
    expect(requesterPhoneMail({ name: 'Dewi', phone }, OFFICE, event, meta)?.to ?? null).toBe(to);
  });

  it('carries the name, the link and the office, a key per event and channel, and no secret', () => {
    const mail = requesterPhoneMail({ name: 'Dewi', phone: '0812 2345 6789' }, OFFICE, event, meta)!;
    expect(mail.text).toBe(
      'Yth. Dewi,\nPemberitahuan tertulis atas permohonan 001 telah terbit: Dikabulkan.\nLacak: https://ppid.test/kpu/permohonan/cek\nPPID KPU Kota Bandung',
    );
    expect(mail).toMatchObject({
      channel: 'whatsapp',
      template: 'request-decided-phone',
      dedupeKey: 'request-decided:r1:2026-11-18T02:00:00.000Z:phone',
    });
    expect(mail.secrets).toBeUndefined();
  });
});
