import { defineMessages } from '../../platform/i18n.ts';

// Preview before sending and the pending-disposition warning (issue 15, ADR 0070, 0115).
export default defineMessages({
  id: {
    'preview.decision.notice': 'Pratinjau pemberitahuan tertulis (PDF)',
    'preview.decision.decree': 'Pratinjau SK penolakan (PDF)',
    'preview.extension': 'Pratinjau surat perpanjangan (PDF)',
    'preview.objection': 'Pratinjau surat tanggapan (PDF)',
    'preview.hint':
      'Pratinjau dibuka di tab baru sebagai PDF yang akan diterbitkan, bertanda DRAF, dari isian di atas. Belum ada yang disimpan, dicatat atau dikirim; periksa, perbaiki, lalu terbitkan.',
    'preview.pending.warning':
      '{n} disposisi belum dijawab unit kerja. Putusan dapat tetap diterbitkan, tetapi jawaban unit belum ikut dipertimbangkan.',
    'preview.field.confirmPendingDispositions':
      'Saya tetap menerbitkan putusan sebelum semua unit menjawab disposisi',
    'preview.validation.dispositionsPending':
      '{n} disposisi masih menunggu jawaban unit kerja. Centang konfirmasi untuk tetap menerbitkan.',
  },
  en: {
    'preview.decision.notice': 'Preview the written notice (PDF)',
    'preview.decision.decree': 'Preview the refusal decree (PDF)',
    'preview.extension': 'Preview the extension letter (PDF)',
    'preview.objection': 'Preview the answer letter (PDF)',
    'preview.hint':
      'The preview opens in a new tab as the PDF that will be issued, marked DRAF (draft), from the fields above. Nothing is stored, recorded or sent yet: check, correct, then issue.',
    'preview.pending.warning':
      "{n} disposition(s) not answered by the unit yet. The decision can still be issued, but without the unit's answer.",
    'preview.field.confirmPendingDispositions':
      'I issue the decision before every unit has answered its disposition',
    'preview.validation.dispositionsPending':
      "{n} disposition(s) still wait for a unit's answer. Tick the confirmation to issue anyway.",
  },
});
