import { PERIODS } from '../law/periods.ts';
import {
  addWorkingDays,
  computeDueDate,
  missingYears,
  nextWorkingDayFrom,
  type CalendarWarning,
  type DayCounting,
  type DueDate,
  type IsoDate,
  type WorkingCalendar,
} from '../calendar/working-days.ts';

// Statutory periods of the objection and dispute stages, in working days, from the one table
// of the law (modules/law/periods.ts). An office may be faster (the election profile of
// Perki 1/2019), never slower.
export const OBJECTION_PERIODS = {
  /** UU 14/2008 Pasal 36(1): an objection is filed within 30 WD of the ground arising. */
  filingWindow: PERIODS.objectionFiling.days,
  /** UU 14/2008 Pasal 36(2): the Atasan PPID answers in writing within 30 WD. */
  answer: PERIODS.objectionAnswer.days,
  /** Perki 1/2019 Pasal 14: objections on election information are answered within 3 WD. */
  answerElection: PERIODS.electionObjectionAnswer.days,
  /** UU 14/2008 Pasal 37(2): a dispute goes to the Komisi Informasi within 14 WD. */
  disputeWindow: PERIODS.disputeFiling.days,
} as const;

export interface FilingWindow {
  /** Day 0 of the window: the working day on which the ground arose. */
  opensOn: IsoDate;
  /** Last day on which an objection is on time. */
  closesOn: IsoDate;
  warnings: CalendarWarning[];
}

/**
 * The window to file an objection, counted from the day the ground arose: the decision
 * notice for a refusal, or — for a request never answered (ground c) — its missed due date.
 */
export function filingWindow(
  cal: WorkingCalendar,
  groundArose: IsoDate,
  days: number = OBJECTION_PERIODS.filingWindow,
): FilingWindow {
  const start = nextWorkingDayFrom(cal, groundArose).date;
  const end = addWorkingDays(cal, start, days).date;
  return { opensOn: start, closesOn: end, warnings: missingYears(cal, groundArose, end) };
}

/** A late objection is still registered and flagged for the Atasan PPID to judge. */
export function isLate(window: FilingWindow, receivedOn: IsoDate): boolean {
  return receivedOn > window.closesOn;
}

/** Due date of the Atasan PPID's written answer. */
export function answerDueDate(
  cal: WorkingCalendar,
  input: { receivedAt: Date; timeZone: string; cutoff: string; counting?: DayCounting; days?: number },
): DueDate {
  return computeDueDate(cal, {
    receivedAt: input.receivedAt,
    timeZone: input.timeZone,
    cutoff: input.cutoff,
    workingDays: input.days ?? OBJECTION_PERIODS.answer,
    ...(input.counting ? { counting: input.counting } : {}),
  });
}

/**
 * The last day to take the dispute to the Komisi Informasi: 14 WD after the requester got
 * the answer, or after the answer period lapsed without one.
 */
export function disputeDeadline(
  cal: WorkingCalendar,
  input: { answeredOn: IsoDate | null; answerDueOn: IsoDate },
  days: number = OBJECTION_PERIODS.disputeWindow,
): IsoDate {
  return addWorkingDays(cal, input.answeredOn ?? input.answerDueOn, days).date;
}
