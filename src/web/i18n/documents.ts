import { defineMessages } from '../../platform/i18n.ts';

// The service documents of issue 13: Model PPID-B, lembar disposisi, Maklumat Pelayanan,
// Pengumuman serta-merta.
export default defineMessages({
  id: {
    'documents.ppidB.filled': 'Formulir permohonan Model PPID-B, rangkap dua (PDF)',
    'documents.ppidB.blank':
      'Formulir Model PPID-B kosong, rangkap dua, untuk pemohon yang datang langsung (PDF)',
    'documents.ppidB.public':
      'Lebih suka mengisi di kertas? Unduh formulir Model PPID-B (PDF, rangkap dua), isi, tandatangani, lalu serahkan ke meja layanan.',
    'documents.disposition.sheet': 'Lembar disposisi (PDF)',
    'announcements.nav': 'Pengumuman serta-merta',
    'announcements.title': 'Pengumuman serta-merta',
    'announcements.lead':
      'Informasi yang dapat mengancam hajat hidup orang banyak dan ketertiban umum wajib diumumkan serta-merta (UU No. 14 Tahun 2008 Pasal 10). Pengumuman terbit seketika saat disimpan, di halaman kantor dan di umpan berita, tanpa tahap persetujuan.',
    'announcements.publish': 'Terbitkan sekarang',
    'announcements.new': 'Pengumuman baru',
    'announcements.none': 'Belum ada pengumuman serta-merta.',
    'announcements.inForce': 'Berlaku',
    'announcements.ended': 'Diakhiri {at}: {note}',
    'announcements.end': 'Akhiri pengumuman',
    'announcements.published': 'Diumumkan {at}',
    'announcements.flash.published':
      'Pengumuman serta-merta telah terbit di halaman kantor dan umpan berita.',
    'announcements.flash.ended': 'Pengumuman telah diakhiri dan tidak lagi tampil di halaman kantor.',
    'announcements.error.alreadyEnded': 'Pengumuman ini sudah diakhiri.',
    'announcements.public.title': 'Pengumuman serta-merta — {office}',
    'announcements.public.banner': 'Pengumuman serta-merta',
    'announcements.public.all': 'Semua pengumuman serta-merta',
    'announcements.public.feed': 'Umpan Atom',
    'announcements.kind.BENCANA_ALAM': 'Bencana alam',
    'announcements.kind.BENCANA_NON_ALAM': 'Bencana non-alam',
    'announcements.kind.BENCANA_SOSIAL': 'Bencana sosial',
    'announcements.kind.PENYAKIT_MENULAR': 'Penyebaran penyakit menular',
    'announcements.kind.KERACUNAN_MAKANAN': 'Racun pada bahan makanan',
    'announcements.kind.GANGGUAN_UTILITAS': 'Rencana gangguan utilitas publik',
    'announcements.kind.PEMILU':
      'Tahapan pemilu/pemilihan (mis. perubahan aturan yang memengaruhi hak memilih)',
    'announcements.kind.LAINNYA': 'Lainnya',
  },
  en: {
    'documents.ppidB.filled': 'Request form Model PPID-B, two copies (PDF)',
    'documents.ppidB.blank': 'Blank Model PPID-B form, two copies, for walk-in requesters (PDF)',
    'documents.ppidB.public':
      'Prefer paper? Download the Model PPID-B form (PDF, two copies), fill it in, sign it and hand it in at the service desk.',
    'documents.disposition.sheet': 'Disposition sheet (PDF)',
    'announcements.nav': 'Urgent announcements',
    'announcements.title': 'Urgent announcements (serta-merta)',
    'announcements.lead':
      'Information that can threaten the lives of many people or public order must be announced at once (Law 14/2008 Article 10). An announcement is published the moment it is saved, on the office page and in the feed, without an approval step.',
    'announcements.publish': 'Publish now',
    'announcements.new': 'New announcement',
    'announcements.none': 'No urgent announcements yet.',
    'announcements.inForce': 'In force',
    'announcements.ended': 'Ended {at}: {note}',
    'announcements.end': 'End the announcement',
    'announcements.published': 'Announced {at}',
    'announcements.flash.published':
      'The urgent announcement is published on the office page and in the feed.',
    'announcements.flash.ended': 'The announcement has ended and no longer shows on the office page.',
    'announcements.error.alreadyEnded': 'This announcement has already ended.',
    'announcements.public.title': 'Urgent announcements — {office}',
    'announcements.public.banner': 'Urgent announcement',
    'announcements.public.all': 'All urgent announcements',
    'announcements.public.feed': 'Atom feed',
    'announcements.kind.BENCANA_ALAM': 'Natural disaster',
    'announcements.kind.BENCANA_NON_ALAM': 'Non-natural disaster',
    'announcements.kind.BENCANA_SOSIAL': 'Social disaster',
    'announcements.kind.PENYAKIT_MENULAR': 'Spread of a contagious disease',
    'announcements.kind.KERACUNAN_MAKANAN': 'Poison in food',
    'announcements.kind.GANGGUAN_UTILITAS': 'Planned disruption of public utilities',
    'announcements.kind.PEMILU': 'Election stage (e.g. a rule change affecting the right to vote)',
    'announcements.kind.LAINNYA': 'Other',
  },
});
