import { defineMessages } from '../../platform/i18n.ts';

// The service documents of issue 13: Model PPID-B, lembar disposisi, Maklumat Pelayanan,
// Pengumuman serta-merta.
export default defineMessages({
  id: {
    'documents.ppidB.filled': 'Formulir permohonan Model PPID-B, rangkap dua (PDF)',
    'documents.ppidB.blank': 'Formulir Model PPID-B kosong, rangkap dua, untuk pemohon yang datang langsung (PDF)',
    'documents.ppidB.public': 'Lebih suka mengisi di kertas? Unduh formulir Model PPID-B (PDF, rangkap dua), isi, tandatangani, lalu serahkan ke meja layanan.',
    'documents.disposition.sheet': 'Lembar disposisi (PDF)',
  },
  en: {
    'documents.ppidB.filled': 'Request form Model PPID-B, two copies (PDF)',
    'documents.ppidB.blank': 'Blank Model PPID-B form, two copies, for walk-in requesters (PDF)',
    'documents.ppidB.public': 'Prefer paper? Download the Model PPID-B form (PDF, two copies), fill it in, sign it and hand it in at the service desk.',
    'documents.disposition.sheet': 'Disposition sheet (PDF)',
  },
});
