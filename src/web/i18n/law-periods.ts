import { defineMessages } from '../../platform/i18n.ts';

// Messages of issue 13 (legal correctness) and of the statutory-periods table (issue 9 §3).
export default defineMessages({
  id: {
    'lawPeriods.settings.restartClock': 'Jangka waktu dihitung ulang setelah permohonan dilengkapi',
    'lawPeriods.settings.restartClockHint': 'Praktik KPU (SOP layanan), bukan ketentuan UU 14/2008 Pasal 22 ayat (7). Bila tidak dicentang, tenggat tetap dihitung dari penerimaan pertama.',
    'lawPeriods.public.completeRestart': 'Setelah dilengkapi, jangka waktu pemberitahuan tertulis dihitung ulang sejak kelengkapan diterima.',
    'lawPeriods.public.completeKeep': 'Setelah dilengkapi, tenggat pemberitahuan tertulis tetap {date}.',
    'requests.event.DUE_DATE_RECOUNTED': 'Tenggat dihitung ulang karena kalender hari kerja berubah ({cause}): {from} → {to}',
    'objections.event.DUE_DATE_RECOUNTED': 'Batas waktu tanggapan dihitung ulang karena kalender hari kerja berubah ({cause}): {from} → {to}',
    'lawPeriods.due.ruleStandardOffice': 'Pemberitahuan tertulis paling lambat {n} hari kerja kemudian menurut standar layanan kantor ini (batas UU 14/2008 Pasal 22 ayat (7): {law} hari kerja).',
    'lawPeriods.due.ruleElectionOffice': 'Informasi tahapan pemilu: paling lambat {n} hari kerja kemudian menurut standar layanan kantor ini (batas Perki 1/2019 Pasal 12: {law} hari kerja).',
    'lawPeriods.objection.factWindow': 'Keberatan diajukan paling lambat {n} hari kerja sejak alasannya timbul (UU 14/2008 Pasal 36 ayat (1)).',
    'lawPeriods.objection.factAnswer': 'Atasan PPID menanggapi secara tertulis paling lambat {n} hari kerja (UU 14/2008 Pasal 36 ayat (2)).',
    'lawPeriods.objection.factAnswerElection': 'Untuk informasi tahapan pemilu, kantor ini menanggapi paling lambat {n} hari kerja (Perki 1/2019 Pasal 14).',
    'lawPeriods.objection.factAnswerElectionUntil': 'Untuk informasi tahapan pemilu, kantor ini menanggapi paling lambat {n} hari kerja (Perki 1/2019 Pasal 14) selama {period} ({from} – {to}).',
  },
  en: {
    'lawPeriods.settings.restartClock': 'The period starts again when a request is completed',
    'lawPeriods.settings.restartClockHint': 'A KPU practice (service SOP), not Law 14/2008 Art. 22(7). Unticked, the due date stays counted from the first receipt.',
    'lawPeriods.public.completeRestart': 'Once completed, the period for the written notice starts again from the day the missing items are received.',
    'lawPeriods.public.completeKeep': 'Once completed, the due date for the written notice stays {date}.',
    'requests.event.DUE_DATE_RECOUNTED': 'Due date counted again because the working-day calendar changed ({cause}): {from} → {to}',
    'objections.event.DUE_DATE_RECOUNTED': 'Answer due date counted again because the working-day calendar changed ({cause}): {from} → {to}',
    'lawPeriods.due.ruleStandardOffice': "Written notice at most {n} working days later under this office's service standard (limit under Law 14/2008 Art. 22(7): {law} working days).",
    'lawPeriods.due.ruleElectionOffice': "Election-stage information: at most {n} working days later under this office's service standard (limit under Perki 1/2019 Art. 12: {law} working days).",
    'lawPeriods.objection.factWindow': 'Object within {n} working days of the ground arising (Law 14/2008 Art. 36(1)).',
    'lawPeriods.objection.factAnswer': 'The superior answers in writing within {n} working days (Law 14/2008 Art. 36(2)).',
    'lawPeriods.objection.factAnswerElection': 'For election-stage information this office answers within {n} working days (Perki 1/2019 Art. 14).',
    'lawPeriods.objection.factAnswerElectionUntil': 'For election-stage information this office answers within {n} working days (Perki 1/2019 Art. 14) during {period} ({from} – {to}).',
  },
});
