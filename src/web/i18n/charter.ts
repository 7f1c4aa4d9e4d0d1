import { defineMessages } from '../../platform/i18n.ts';

// The Maklumat Pelayanan Informasi Publik (Perki 1/2021 Pasal 47, ADR 0092): the PPID's page and
// the public page. The charter's own text is the office's Indonesian document; the lines drawn
// from the settings come in both languages from modules/offices/charter.ts.
export default defineMessages({
  id: {
    'charter.nav': 'Maklumat Pelayanan',
    'charter.title': 'Maklumat Pelayanan Informasi Publik',
    'charter.lead':
      'Maklumat pelayanan kantor (Peraturan Komisi Informasi Nomor 1 Tahun 2021 Pasal 47). Di sini PPID menulis dasar hukum, prosedur, jaminan, evaluasi, pengaduan dan layanan disabilitas. Jangka waktu dan biaya tidak ditulis di sini: keduanya diambil dari pengaturan kantor, sehingga maklumat selalu sama dengan layanan yang berjalan.',
    'charter.derivedTitle': 'Pratinjau: maklumat seperti tampil di halaman publik',
    'charter.derivedLead':
      'Jangka waktu, biaya, kontak dan jam layanan diambil dari pengaturan kantor, yang diubah Admin kantor di Pengaturan layanan permohonan, Pengaturan keberatan dan Pengaturan kantor.',
    'charter.neverSet':
      'Maklumat belum pernah ditetapkan: halaman publik menampilkan isi bawaan tanpa tanggal. Simpan untuk menetapkannya.',
    'charter.adoptedOn': 'Ditetapkan {date}.',
    'charter.noAtasan':
      'Belum ada pengguna yang memegang peran Atasan PPID di kantor ini: tanda tangan dicetak dengan titik-titik.',
    'charter.save': 'Simpan dan tetapkan',
    'charter.flash.saved': 'Maklumat pelayanan telah ditetapkan dan terbit di halaman kantor.',
    'charter.onePerLine': 'Satu butir per baris.',
    'charter.public.open': 'Lihat halaman publik',
    'charter.pdfA4': 'Unduh PDF (A4)',
    'charter.pdfA3': 'Unduh poster (PDF A3)',
    'charter.print': 'Halaman ini dapat dicetak langsung dari peramban.',
    'charter.serviceHours': 'Jam layanan',
    'charter.contact': 'Kontak',
    'charter.signedAs': 'selaku Atasan PPID',
    'charter.section.legalBases': 'Dasar hukum',
    'charter.section.procedure': 'Sistem, mekanisme dan prosedur',
    'charter.section.times': 'Jangka waktu penyelesaian',
    'charter.section.fees': 'Biaya/tarif',
    'charter.section.guarantee': 'Jaminan pelayanan',
    'charter.section.evaluation': 'Evaluasi kinerja pelayanan',
    'charter.section.complaints': 'Pengaduan, keberatan dan sengketa informasi',
    'charter.section.accessibility': 'Layanan bagi penyandang disabilitas',
    'charter.office.link': 'Maklumat pelayanan informasi publik',
    'charter.error.typedFigure':
      'Jangka waktu dan biaya diambil dari pengaturan kantor; tulis tanpa angka hari atau rupiah.',
    'charter.error.tooManyLines': 'Paling banyak {max} baris.',
    'charter.error.lineTooLong': 'Setiap baris paling banyak {max} karakter.',
  },
  en: {
    'charter.nav': 'Service charter',
    'charter.title': 'Public information service charter (Maklumat Pelayanan)',
    'charter.lead':
      "The office's service charter (Information Commission Regulation 1/2021 Article 47). Here the PPID writes the legal basis, procedure, guarantee, evaluation, complaints and disability service. Periods and fees are not written here: both come from the office's settings, so the charter always matches the service as it runs.",
    'charter.derivedTitle': 'Preview: the charter as the public page shows it',
    'charter.derivedLead':
      "Periods, fees, contacts and service hours come from the office's settings, which the office Admin changes in the request service settings, the objection settings and the office settings.",
    'charter.neverSet':
      'The charter has never been set: the public page shows the default text without a date. Save to set it.',
    'charter.adoptedOn': 'Set on {date}.',
    'charter.noAtasan':
      'No user holds the Atasan PPID role in this office: the signature is printed as a dotted line.',
    'charter.save': 'Save and set',
    'charter.flash.saved': 'The service charter is set and published on the office page.',
    'charter.onePerLine': 'One item per line.',
    'charter.public.open': 'Open the public page',
    'charter.pdfA4': 'Download PDF (A4)',
    'charter.pdfA3': 'Download poster (PDF A3)',
    'charter.print': 'This page can be printed straight from the browser.',
    'charter.serviceHours': 'Service hours',
    'charter.contact': 'Contact',
    'charter.signedAs': 'as Atasan PPID',
    'charter.section.legalBases': 'Legal basis',
    'charter.section.procedure': 'System, mechanism and procedure',
    'charter.section.times': 'Completion times',
    'charter.section.fees': 'Fees',
    'charter.section.guarantee': 'Service guarantee',
    'charter.section.evaluation': 'Performance evaluation',
    'charter.section.complaints': 'Complaints, objections and information disputes',
    'charter.section.accessibility': 'Service for persons with disabilities',
    'charter.office.link': 'Public information service charter',
    'charter.error.typedFigure':
      "Periods and fees come from the office's settings; write this without a number of days or rupiah.",
    'charter.error.tooManyLines': 'At most {max} lines.',
    'charter.error.lineTooLong': 'Each line at most {max} characters.',
  },
});
