import { defineMessages } from '../../platform/i18n.ts';

export default defineMessages({
  id: {
    'home.title': 'Layanan Informasi Publik KPU',
    'home.lead':
      'Setiap orang berhak memperoleh informasi publik. Temukan kantor KPU atau KIP, lihat informasi yang diterbitkannya, dan ajukan permohonan informasi secara daring.',
    'home.rightsTitle': 'Hak Anda menurut UU No. 14 Tahun 2008',
    'home.right1':
      'Badan publik wajib menjawab permohonan secara tertulis paling lambat 10 hari kerja, dan dapat memperpanjangnya satu kali paling lama 7 hari kerja dengan alasan tertulis.',
    'home.right2':
      'Jika permohonan ditolak, tidak ditanggapi, atau tidak dipenuhi, Anda dapat mengajukan keberatan kepada Atasan PPID.',
    'home.right3':
      'Jika tidak puas dengan tanggapan atas keberatan, Anda dapat mengajukan sengketa informasi ke Komisi Informasi.',
    'home.searchLabel': 'Cari kantor KPU/KIP',
    'home.searchHint': 'Ketik nama provinsi, kabupaten atau kota, misalnya "Bandung".',
    'home.results': 'Hasil pencarian "{q}"',
    'home.noResults': 'Tidak ada kantor yang cocok dengan "{q}".',
    'home.provinces': 'KPU RI dan KPU Provinsi',
    'home.national': 'Tingkat nasional',
    'office.title': '{name}',
    'office.parent': 'Di bawah {name}',
    'office.children': 'Kantor di wilayah ini',
    'office.contact': 'Kontak layanan informasi',
    'office.noContact': 'Kantor ini belum mencantumkan kontak layanan informasi.',
    'office.serviceHours': 'Jam layanan',
    'office.published': 'Yang diterbitkan kantor ini',
    'office.section.dip': 'Daftar Informasi Publik',
    'office.section.berkala': 'Informasi berkala',
    'office.section.sertaMerta': 'Informasi serta-merta',
    'office.section.setiapSaat': 'Informasi tersedia setiap saat',
    'office.section.dikecualikan': 'Informasi yang dikecualikan',
    'office.section.reports': 'Laporan layanan informasi',
    'office.section.requests': 'Permohonan informasi',
    'office.empty': 'Belum ada informasi yang diterbitkan.',
    'office.requestsSoon':
      'Permohonan informasi daring untuk kantor ini belum dibuka. Silakan datang ke meja layanan atau hubungi kontak di atas.',
    'office.level': 'Tingkat: {level}',
    'office.timeZone': 'Zona waktu: {zone}',
  },
  en: {
    'home.title': 'KPU Public Information Service',
    'home.lead':
      'Everyone has the right to public information. Find a KPU or KIP office, see what it publishes, and request information online.',
    'home.rightsTitle': 'Your rights under Law No. 14 of 2008',
    'home.right1':
      'A public body must answer a request in writing within 10 working days, and may extend this once by at most 7 working days with written reasons.',
    'home.right2':
      "If a request is refused, ignored or not fulfilled, you may object to the PPID's superior (Atasan PPID).",
    'home.right3':
      'If you are not satisfied with the answer to your objection, you may bring a dispute to the Information Commission (Komisi Informasi).',
    'home.searchLabel': 'Find a KPU/KIP office',
    'home.searchHint': 'Type a province, regency or city name, e.g. "Bandung".',
    'home.results': 'Results for "{q}"',
    'home.noResults': 'No office matches "{q}".',
    'home.provinces': 'KPU RI and provincial offices',
    'home.national': 'National level',
    'office.title': '{name}',
    'office.parent': 'Part of {name}',
    'office.children': 'Offices in this region',
    'office.contact': 'Information service contact',
    'office.noContact': 'This office has not listed an information service contact yet.',
    'office.serviceHours': 'Service hours',
    'office.published': 'What this office publishes',
    'office.section.dip': 'List of public information (DIP)',
    'office.section.berkala': 'Periodic information',
    'office.section.sertaMerta': 'Immediate information',
    'office.section.setiapSaat': 'Information available at any time',
    'office.section.dikecualikan': 'Exempt information',
    'office.section.reports': 'Information service reports',
    'office.section.requests': 'Information requests',
    'office.empty': 'Nothing has been published yet.',
    'office.requestsSoon':
      'Online requests to this office are not open yet. Please visit the information desk or use the contact above.',
    'office.level': 'Level: {level}',
    'office.timeZone': 'Time zone: {zone}',
  },
});
