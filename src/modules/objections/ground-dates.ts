import type { IsoDate, WorkingCalendar } from '../calendar/working-days.ts';
import type { ObjectionGround } from './grounds.ts';
import { filingWindow, isLate, OBJECTION_PERIODS, type FilingWindow } from './objection-deadlines.ts';

// When did each ground of an objection arise? UU 14/2008 Pasal 36(1) counts the 30 working days
// to object from then. The request's own dates answer it: the written notice for a refusal, a
// wrong or incomplete answer or a fee; the missed due date for a request never answered (ground
// c, as the issue asks); the late hand-over for ground g.

export interface RequestDates {
  /** The due date of the written notice that applied (the extended one when extended). */
  noticeDueOn: IsoDate;
  /** Local date of the written notice, when one was issued. */
  noticeOn: IsoDate | null;
  /** Local date of the hand-over, when the information was delivered. */
  deliveredOn: IsoDate | null;
}

/**
 * The day the ground arose, or null when it has not (yet) arisen from the request's dates — a
 * premature or unverifiable ground is still registered; the Atasan PPID judges it.
 */
export function groundAroseOn(ground: ObjectionGround, d: RequestDates, today: IsoDate): IsoDate | null {
  switch (ground) {
    case 'a': // refused on a Pasal 17 exemption: the refusal notice
    case 'd': // answered other than as asked
    case 'e': // not fulfilled
    case 'f': // unreasonable fee (stated in the notice, Model PPID-D)
      return d.noticeOn;
    case 'c': // not answered: from the missed due date, also when a notice came later
      if (d.noticeOn !== null) return d.noticeOn > d.noticeDueOn ? d.noticeDueOn : null;
      return today > d.noticeDueOn ? d.noticeDueOn : null;
    case 'g': // not delivered in time: the late hand-over, else a late notice
      if (d.deliveredOn !== null) return d.deliveredOn;
      return d.noticeOn !== null && d.noticeOn > d.noticeDueOn ? d.noticeOn : null;
    case 'b': // periodic information not provided: not tied to this request's dates
      return d.noticeOn ?? today;
  }
}

export interface GroundWindow {
  ground: ObjectionGround;
  aroseOn: IsoDate | null;
  window: FilingWindow | null;
  late: boolean;
}

export interface FilingAssessment {
  grounds: GroundWindow[];
  /** Grounds whose 30-working-day window had closed when the objection was received. */
  lateGrounds: ObjectionGround[];
  /** The last day any ground was still on time (null when no ground has a window). */
  closesOn: IsoDate | null;
}

/**
 * Each ground's window and whether the objection came after it. Late grounds are flagged for
 * the Atasan PPID, never refused: the requester may have learnt of the ground later (Pasal 36(1)
 * counts from when it is known), which only a person can judge.
 */
export function assessFiling(
  cal: WorkingCalendar,
  grounds: readonly ObjectionGround[],
  dates: RequestDates,
  receivedOn: IsoDate,
  days: number = OBJECTION_PERIODS.filingWindow,
): FilingAssessment {
  const list = grounds.map((ground): GroundWindow => {
    const aroseOn = groundAroseOn(ground, dates, receivedOn);
    const window = aroseOn ? filingWindow(cal, aroseOn, days) : null;
    return { ground, aroseOn, window, late: window ? isLate(window, receivedOn) : false };
  });
  const closes = list
    .map((g) => g.window?.closesOn)
    .filter((d): d is string => Boolean(d))
    .sort();
  return {
    grounds: list,
    lateGrounds: list.filter((g) => g.late).map((g) => g.ground),
    closesOn: closes.at(-1) ?? null,
  };
}

/**
 * Why a ground does not match the request's state, for the Atasan PPID (issue 13 item 13):
 * ground a on a request never refused; ground c on a request answered on time or still in time;
 * d/e/f before any written notice; g on a request not handed over late. The objection is still
 * registered — the requester may know something the register does not — but it is flagged.
 */
export const GROUND_MISMATCHES = [
  'NOT_REFUSED',
  'ANSWERED_IN_TIME',
  'STILL_IN_TIME',
  'NO_NOTICE',
  'NOT_LATE',
] as const;
export type GroundMismatch = (typeof GROUND_MISMATCHES)[number];

/** The outcomes of a written notice that refuse information (wholly or in part) on a Pasal 17 ground. */
const REFUSING_OUTCOMES: readonly string[] = ['REFUSED_EXEMPT', 'GRANTED_PARTIAL'];

export function groundMismatch(
  ground: ObjectionGround,
  d: RequestDates & { outcome: string | null },
  today: IsoDate,
): GroundMismatch | null {
  switch (ground) {
    case 'a':
      return d.outcome !== null && REFUSING_OUTCOMES.includes(d.outcome) ? null : 'NOT_REFUSED';
    case 'c':
      if (groundAroseOn('c', d, today) !== null) return null;
      return d.noticeOn !== null ? 'ANSWERED_IN_TIME' : 'STILL_IN_TIME';
    case 'd':
    case 'e':
    case 'f':
      return d.noticeOn === null ? 'NO_NOTICE' : null;
    case 'g':
      return groundAroseOn('g', d, today) === null ? 'NOT_LATE' : null;
    case 'b':
      return null;
  }
}
