import { defineMessages } from '../../platform/i18n.ts';

// Messages of issue 13 (legal correctness) and of the statutory-periods table (issue 9 §3).
export default defineMessages({
  id: {
    'lawPeriods.settings.restartClock': 'Jangka waktu dihitung ulang setelah permohonan dilengkapi',
    'lawPeriods.settings.restartClockHint':
      'Praktik KPU (SOP layanan), bukan ketentuan UU 14/2008 Pasal 22 ayat (7). Bila tidak dicentang, tenggat tetap dihitung dari penerimaan pertama.',
    'lawPeriods.public.completeRestart':
      'Setelah dilengkapi, jangka waktu pemberitahuan tertulis dihitung ulang sejak kelengkapan diterima.',
    'lawPeriods.public.completeKeep': 'Setelah dilengkapi, tenggat pemberitahuan tertulis tetap {date}.',
    'requests.event.DUE_DATE_RECOUNTED':
      'Tenggat dihitung ulang karena kalender hari kerja berubah ({cause}): {from} → {to}',
    'objections.event.DUE_DATE_RECOUNTED':
      'Batas waktu tanggapan dihitung ulang karena kalender hari kerja berubah ({cause}): {from} → {to}',
    'lawPeriods.calendar.markCoveredHint':
      'Centang hanya bila berkas memuat seluruh SKB tahun itu. Tahun yang ditandai tidak lagi diberi peringatan "daftar hari libur belum dimuat" di kantor mana pun.',
    'lawPeriods.calendar.rowField': 'Baris {row}, {field}',
    'lawPeriods.calendar.importedThin':
      'Impor selesai: {added} ditambahkan, {updated} diperbarui (tahun {years}). Perhatian: tahun {thin} memuat jauh lebih sedikit hari libur daripada SKB biasa (sekitar 25–29, ambang {normal}); periksa apakah daftarnya lengkap sebelum menandainya sudah dimuat.',
    'validation.holidayKind':
      'Pilih salah satu: Libur nasional, Cuti bersama, Libur khusus (hari yang diliburkan).',
    'lawPeriods.election.title': 'Periode tahapan pemilu',
    'lawPeriods.election.lead':
      'Selama periode ini, informasi tahapan pemilu di semua kantor KPU dilayani dengan jangka waktu Perki 1/2019 (jawaban 3 hari kerja, perpanjangan 2 hari kerja, tanggapan keberatan 3 hari kerja), apa pun pengaturan kantor.',
    'lawPeriods.election.none': 'Belum ada periode tahapan pemilu.',
    'lawPeriods.election.add': 'Tambah periode',
    'lawPeriods.election.name': 'Nama periode',
    'lawPeriods.election.nameHint': 'Misalnya "Tahapan Pemilihan Serentak 2029".',
    'lawPeriods.election.startsOn': 'Tanggal mulai',
    'lawPeriods.election.endsOn': 'Tanggal selesai',
    'lawPeriods.election.added': 'Periode tahapan pemilu ditambahkan.',
    'lawPeriods.election.removed': 'Periode tahapan pemilu dihapus.',
    'lawPeriods.election.removeConfirm':
      'Hapus periode ini? Permohonan yang sudah diterima tetap memakai jangka waktunya.',
    'lawPeriods.due.ruleStandardOffice':
      'Pemberitahuan tertulis paling lambat {n} hari kerja kemudian menurut standar layanan kantor ini (batas UU 14/2008 Pasal 22 ayat (7): {law} hari kerja).',
    'lawPeriods.due.ruleElectionOffice':
      'Informasi tahapan pemilu: paling lambat {n} hari kerja kemudian menurut standar layanan kantor ini (batas Perki 1/2019 Pasal 12: {law} hari kerja).',
    'lawPeriods.objection.factWindow':
      'Keberatan diajukan paling lambat {n} hari kerja sejak alasannya timbul (UU 14/2008 Pasal 36 ayat (1)).',
    'lawPeriods.objection.factAnswer':
      'Atasan PPID menanggapi secara tertulis paling lambat {n} hari kerja (UU 14/2008 Pasal 36 ayat (2)).',
    'lawPeriods.objection.factAnswerElection':
      'Untuk informasi tahapan pemilu, kantor ini menanggapi paling lambat {n} hari kerja (Perki 1/2019 Pasal 14).',
    'lawPeriods.objection.factAnswerElectionUntil':
      'Untuk informasi tahapan pemilu, kantor ini menanggapi paling lambat {n} hari kerja (Perki 1/2019 Pasal 14) selama {period} ({from} – {to}).',
    'lawPeriods.objection.mismatchNotice':
      'Sebagian alasan keberatan tidak sesuai dengan keadaan permohonan menurut register. Keberatan tetap diregistrasi; Atasan PPID menilainya.',
    'lawPeriods.objection.mismatch.NOT_REFUSED':
      'Tidak sesuai: permohonan ini tidak ditolak berdasarkan Pasal 17 (belum ada pemberitahuan penolakan).',
    'lawPeriods.objection.mismatch.ANSWERED_IN_TIME':
      'Tidak sesuai: permohonan ini sudah ditanggapi dalam jangka waktu.',
    'lawPeriods.objection.mismatch.STILL_IN_TIME':
      'Tidak sesuai: jangka waktu pemberitahuan tertulis belum lewat.',
    'lawPeriods.objection.mismatch.NO_NOTICE':
      'Tidak sesuai: belum ada pemberitahuan tertulis atas permohonan ini.',
    'lawPeriods.objection.mismatch.NOT_LATE':
      'Tidak sesuai: informasi tidak terlambat diberikan menurut register.',
    'lawPeriods.settings.paymentInstructions': 'Cara pembayaran biaya salinan',
    'lawPeriods.settings.paymentInstructionsHint':
      'Dicetak pada Pemberitahuan Tertulis (Model PPID-D) bila ada biaya, misalnya rekening tujuan transfer. Layanan informasi sendiri tidak dipungut biaya.',
    'heldMail.heldReady':
      '{count} pesan ditahan karena pengirimnya belum diatur saat itu. Pengirimnya kini tersedia.',
    'heldMail.heldNoSmtp':
      '{count} email ditahan karena server SMTP belum diatur (SMTP_URL). Setelah diatur, email ini dapat dikirim dari halaman ini.',
    'heldMail.heldNoPhone':
      '{count} pesan WhatsApp/SMS ditahan karena pengirimnya belum diatur (WHATSAPP_PHONE_NUMBER_ID dan WHATSAPP_TOKEN, atau SMS_GATEWAY_URL). Setelah diatur, pesan ini dapat dikirim dari halaman ini.',
    'heldMail.sendAll': 'Kirim semua email yang ditahan ({count})',
    'heldMail.sendOne': 'Kirim sekarang',
    'heldMail.released': '{count} email dimasukkan kembali ke antrean pengiriman.',
    'heldMail.noneHeld': 'Tidak ada email yang ditahan.',
    'heldMail.noSmtp':
      'Server SMTP, WhatsApp, dan gateway SMS belum diatur; pesan yang ditahan belum dapat dikirim.',
  },
  en: {
    'lawPeriods.settings.restartClock': 'The period starts again when a request is completed',
    'lawPeriods.settings.restartClockHint':
      'A KPU practice (service SOP), not Law 14/2008 Art. 22(7). Unticked, the due date stays counted from the first receipt.',
    'lawPeriods.public.completeRestart':
      'Once completed, the period for the written notice starts again from the day the missing items are received.',
    'lawPeriods.public.completeKeep': 'Once completed, the due date for the written notice stays {date}.',
    'requests.event.DUE_DATE_RECOUNTED':
      'Due date counted again because the working-day calendar changed ({cause}): {from} → {to}',
    'objections.event.DUE_DATE_RECOUNTED':
      'Answer due date counted again because the working-day calendar changed ({cause}): {from} → {to}',
    'lawPeriods.calendar.markCoveredHint':
      'Tick only when the file holds the whole SKB of that year. A marked year no longer warns "holiday list not loaded" at any office.',
    'lawPeriods.calendar.rowField': 'Row {row}, {field}',
    'lawPeriods.calendar.importedThin':
      'Import done: {added} added, {updated} updated (years {years}). Note: year {thin} holds far fewer days off than a normal SKB (about 25–29, threshold {normal}); check the list is complete before marking it loaded.',
    'validation.holidayKind':
      'Choose one of: National holiday, Joint leave, Special day off (declared holiday).',
    'lawPeriods.election.title': 'Election stage periods',
    'lawPeriods.election.lead':
      'During a period, election-stage information at every KPU office is served within the Perki 1/2019 periods (answer in 3 working days, extension 2, objection answer 3), whatever the office setting.',
    'lawPeriods.election.none': 'No election stage period yet.',
    'lawPeriods.election.add': 'Add a period',
    'lawPeriods.election.name': 'Name of the period',
    'lawPeriods.election.nameHint': 'For example "Simultaneous regional elections 2029".',
    'lawPeriods.election.startsOn': 'Start date',
    'lawPeriods.election.endsOn': 'End date',
    'lawPeriods.election.added': 'Election stage period added.',
    'lawPeriods.election.removed': 'Election stage period removed.',
    'lawPeriods.election.removeConfirm': 'Remove this period? Requests already received keep their periods.',
    'lawPeriods.due.ruleStandardOffice':
      "Written notice at most {n} working days later under this office's service standard (limit under Law 14/2008 Art. 22(7): {law} working days).",
    'lawPeriods.due.ruleElectionOffice':
      "Election-stage information: at most {n} working days later under this office's service standard (limit under Perki 1/2019 Art. 12: {law} working days).",
    'lawPeriods.objection.factWindow':
      'Object within {n} working days of the ground arising (Law 14/2008 Art. 36(1)).',
    'lawPeriods.objection.factAnswer':
      'The superior answers in writing within {n} working days (Law 14/2008 Art. 36(2)).',
    'lawPeriods.objection.factAnswerElection':
      'For election-stage information this office answers within {n} working days (Perki 1/2019 Art. 14).',
    'lawPeriods.objection.factAnswerElectionUntil':
      'For election-stage information this office answers within {n} working days (Perki 1/2019 Art. 14) during {period} ({from} – {to}).',
    'lawPeriods.objection.mismatchNotice':
      'Some grounds of this objection do not match the state of the request in the register. The objection is registered all the same; the PPID’s superior judges it.',
    'lawPeriods.objection.mismatch.NOT_REFUSED':
      'Does not match: this request was not refused under Article 17 (no refusal notice).',
    'lawPeriods.objection.mismatch.ANSWERED_IN_TIME': 'Does not match: this request was answered in time.',
    'lawPeriods.objection.mismatch.STILL_IN_TIME':
      'Does not match: the period for the written notice has not passed yet.',
    'lawPeriods.objection.mismatch.NO_NOTICE':
      'Does not match: no written notice has been issued on this request yet.',
    'lawPeriods.objection.mismatch.NOT_LATE':
      'Does not match: the information was not provided late according to the register.',
    'lawPeriods.settings.paymentInstructions': 'How copying costs are paid',
    'lawPeriods.settings.paymentInstructionsHint':
      'Printed on the written notice (Model PPID-D) when a fee is charged, e.g. the bank account for transfers. The information service itself is free.',
    'heldMail.heldReady':
      '{count} messages were held because no sender was set at the time. It is now available.',
    'heldMail.heldNoSmtp':
      '{count} emails are held because no SMTP server is set (SMTP_URL). Once it is set, they can be sent from this page.',
    'heldMail.heldNoPhone':
      '{count} WhatsApp/SMS messages are held because no sender is set (WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_TOKEN, or SMS_GATEWAY_URL). Once set, they can be sent from this page.',
    'heldMail.sendAll': 'Send all held emails ({count})',
    'heldMail.sendOne': 'Send now',
    'heldMail.released': '{count} emails were put back in the sending queue.',
    'heldMail.noneHeld': 'No email is held.',
    'heldMail.noSmtp': 'No SMTP server, WhatsApp or SMS gateway is set; held messages cannot be sent yet.',
  },
});
