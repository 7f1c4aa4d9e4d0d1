import { formatDate, formatRupiah, zoneName } from '../../platform/i18n.ts';
import { PERIODS, periodPhraseEn, periodPhraseId } from '../law/periods.ts';
import type { OfficeSettings } from './office-settings.ts';
import type { Office } from './queries.ts';

// The Maklumat Pelayanan Informasi Publik of an office (Perki 1/2021 Pasal 47; ADR 0092): the
// PPID's texts (legal basis, procedure, guarantee, evaluation, complaints, accessibility) from
// the `charter` settings, and everything with a figure in it — completion times, fees, the
// objection and dispute route — drawn from the office's actual settings and modules/law, so
// the charter can never promise a period or a fee the office does not apply.

/** A line the charter derives, in both languages (the PPID's own texts are printed as typed). */
export interface CharterLine {
  id: string;
  en: string;
}

export interface CharterSigner {
  /** "Bandung, 4 Desember 2026"; without a date while the charter was never set. */
  placeAndDate: string;
  /** The Atasan PPID's position (objections/atasan-position.ts), e.g. "Sekretaris KPU Kota Bandung". */
  position: string;
  /** The person holding the Atasan PPID role today; null when no one does (a line of dots is printed). */
  name: string | null;
  nip: string | null;
}

export interface ServiceCharter {
  officeName: string;
  legalBases: string[];
  procedure: string[];
  serviceHours: CharterLine;
  times: CharterLine[];
  fees: CharterLine[];
  guarantee: string;
  evaluation: string;
  complaints: string;
  objections: CharterLine[];
  contact: string[];
  accessibility: string;
  adoptedOn: string | null;
  signer: CharterSigner;
}

export interface CharterFacts {
  office: Pick<Office, 'name' | 'timezone'>;
  settings: OfficeSettings;
  /** The national election period running today, when the office has not opted in itself. */
  electionPeriod: { name: string; startsOn: string; endsOn: string } | null;
  commissionName: string;
  city: string;
  atasanPosition: string;
  atasan: { name: string; nip: string | null } | null;
}

const line = (id: string, en: string): CharterLine => ({ id, en });

function completionTimes(facts: CharterFacts): CharterLine[] {
  const r = facts.settings.requests;
  const out: CharterLine[] = [
    line(
      `Pemberitahuan tertulis atas permohonan informasi: paling lambat ${periodPhraseId('requestResponse', r.standardDays)}, sejak permohonan diterima.`,
      `Written notice on a request: within ${periodPhraseEn('requestResponse', r.standardDays)}, from receipt of the request.`,
    ),
    line(
      `Perpanjangan waktu, satu kali dengan alasan tertulis: paling lama ${periodPhraseId('requestExtension', r.standardExtensionDays)}.`,
      `One extension, with written reasons: at most ${periodPhraseEn('requestExtension', r.standardExtensionDays)}.`,
    ),
  ];
  const period = facts.electionPeriod;
  if (r.electionProfileEnabled || period) {
    const during = period
      ? {
          id: ` selama ${period.name} (${formatDate(period.startsOn, 'id')} – ${formatDate(period.endsOn, 'id')})`,
          en: ` during ${period.name} (${formatDate(period.startsOn, 'en')} – ${formatDate(period.endsOn, 'en')})`,
        }
      : { id: '', en: '' };
    out.push(
      line(
        `Informasi tahapan pemilu dan pemilihan${during.id}: pemberitahuan tertulis paling lambat ${periodPhraseId('electionResponse', r.electionDays)}, dapat diperpanjang ${periodPhraseId('electionExtension', r.electionExtensionDays)}.`,
        `Information on election stages${during.en}: written notice within ${periodPhraseEn('electionResponse', r.electionDays)}, extendable by ${periodPhraseEn('electionExtension', r.electionExtensionDays)}.`,
      ),
    );
  }
  out.push(
    r.restartClockOnCompletion
      ? line(
          `Permohonan yang belum lengkap dilengkapi pemohon dalam ${periodPhraseId('requestCompletion', r.completionDays)} sejak diberi tahu; jangka waktu pemberitahuan dihitung sejak permohonan lengkap.`,
          `An incomplete request is completed by the requester within ${periodPhraseEn('requestCompletion', r.completionDays)} of being told; the notice period runs from the completed request.`,
        )
      : line(
          `Permohonan yang belum lengkap dilengkapi pemohon dalam ${periodPhraseId('requestCompletion', r.completionDays)} sejak diberi tahu; jangka waktu pemberitahuan tetap dihitung sejak permohonan pertama diterima.`,
          `An incomplete request is completed by the requester within ${periodPhraseEn('requestCompletion', r.completionDays)} of being told; the notice period still runs from the first receipt.`,
        ),
    line(
      `Permohonan yang diterima pada hari libur atau setelah pukul ${facts.settings.cutoff} ${zoneName(facts.office.timezone)} dihitung diterima pada hari kerja berikutnya.`,
      `A request received on a day off or after ${facts.settings.cutoff} ${zoneName(facts.office.timezone)} counts as received on the next working day.`,
    ),
  );
  return out;
}

function fees(settings: OfficeSettings): CharterLine[] {
  const r = settings.requests;
  const out = [
    line('Layanan informasi publik tidak dipungut biaya.', 'The public-information service itself is free.'),
    r.copyFeePerPage > 0
      ? line(
          `Salinan cetak: pemohon menanggung biaya nyata penggandaan sebesar ${formatRupiah(r.copyFeePerPage)} per halaman.`,
          `Printed copies: the requester bears the actual copying cost of ${formatRupiah(r.copyFeePerPage)} per page.`,
        )
      : line('Salinan cetak tidak dipungut biaya.', 'Printed copies are free.'),
    r.softcopyFree
      ? line('Salinan elektronik (softcopy) tidak dipungut biaya.', 'Electronic copies (softcopy) are free.')
      : line(
          'Salinan elektronik (softcopy) dikenai biaya nyata media penyimpanannya.',
          'Electronic copies (softcopy) bear the actual cost of their storage medium.',
        ),
    line(
      'Biaya pengiriman melalui pos atau kurir, bila dipilih pemohon, ditanggung pemohon.',
      'Postage or courier costs, when the requester chooses them, are borne by the requester.',
    ),
  ];
  if (r.copyFeePerPage > 0 || !r.softcopyFree)
    out.push(line(`Cara pembayaran: ${r.paymentInstructions}`, `How to pay: ${r.paymentInstructions}`));
  return out;
}

function objectionRoute(facts: CharterFacts): CharterLine[] {
  const o = facts.settings.objections;
  const answer = PERIODS.objectionAnswer.days;
  const election = facts.settings.requests.electionProfileEnabled || facts.electionPeriod !== null;
  return [
    line(
      `Keberatan diajukan secara tertulis kepada Atasan PPID paling lambat ${periodPhraseId('objectionFiling', PERIODS.objectionFiling.days)}, setelah ditemukannya alasan keberatan.`,
      `An objection is filed in writing with the Atasan PPID within ${periodPhraseEn('objectionFiling', PERIODS.objectionFiling.days)}, after its ground arose.`,
    ),
    line(
      `Atasan PPID memberikan tanggapan tertulis paling lambat ${periodPhraseId('objectionAnswer', answer)}${election ? `; atas informasi tahapan pemilu paling lambat ${periodPhraseId('electionObjectionAnswer', o.electionAnswerDays)}` : ''}.`,
      `The Atasan PPID answers in writing within ${periodPhraseEn('objectionAnswer', answer)}${election ? `; on election-stage information within ${periodPhraseEn('electionObjectionAnswer', o.electionAnswerDays)}` : ''}.`,
    ),
    line(
      `Pemohon yang tidak puas dengan tanggapan Atasan PPID dapat mengajukan sengketa informasi kepada ${facts.commissionName} paling lambat ${periodPhraseId('disputeFiling', PERIODS.disputeFiling.days)}, setelah menerima tanggapan.`,
      `A requester not satisfied with the answer may take the dispute to the ${facts.commissionName} within ${periodPhraseEn('disputeFiling', PERIODS.disputeFiling.days)}, after receiving it.`,
    ),
  ];
}

function serviceHours(facts: CharterFacts): CharterLine {
  const typed = facts.settings.publicContact.serviceHours;
  if (typed) return line(typed, typed);
  const { start, end } = facts.settings.workingHours;
  const zone = zoneName(facts.office.timezone);
  return line(
    `Senin sampai Jumat, pukul ${start}–${end} ${zone}, kecuali hari libur nasional dan cuti bersama.`,
    `Monday to Friday, ${start}–${end} ${zone}, except national holidays and collective leave days.`,
  );
}

function contactLines(settings: OfficeSettings): string[] {
  const c = settings.publicContact;
  return [
    c.address ?? settings.letterhead.address,
    c.phone ? `Telp. ${c.phone}` : null,
    c.whatsapp ? `WhatsApp ${c.whatsapp}` : null,
    c.email ? `Email: ${c.email}` : null,
    settings.letterhead.website,
  ].filter((v): v is string => Boolean(v));
}

/** The whole charter of an office from its settings and the facts loaded around them. */
export function composeCharter(facts: CharterFacts): ServiceCharter {
  const c = facts.settings.charter;
  return {
    officeName: facts.office.name,
    legalBases: c.legalBases,
    procedure: c.procedure,
    serviceHours: serviceHours(facts),
    times: completionTimes(facts),
    fees: fees(facts.settings),
    guarantee: c.guarantee,
    evaluation: c.evaluation,
    complaints: c.complaints,
    objections: objectionRoute(facts),
    contact: contactLines(facts.settings),
    accessibility: c.accessibility,
    adoptedOn: c.adoptedOn,
    signer: {
      placeAndDate: c.adoptedOn ? `${facts.city}, ${formatDate(c.adoptedOn, 'id')}` : facts.city,
      position: facts.atasanPosition,
      name: facts.atasan?.name ?? null,
      nip: facts.atasan?.nip ?? null,
    },
  };
}
