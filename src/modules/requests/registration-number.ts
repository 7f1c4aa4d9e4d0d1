import { localDateTime } from '../calendar/working-days.ts';
import { formatRegisterNumber } from '../offices/register-number.ts';

// The nomor pendaftaran (UU 14/2008 Pasal 22(4)): sequence per office per year, in the office's
// pattern. Year and month are those of the office's local date at registration, so a request
// entered at 23.30 WIT on 31 December belongs to the old year in Jayapura.

export interface RegistrationNumber {
  number: string;
  year: number;
  localDate: string;
}

export function registrationNumberFor(input: {
  pattern: string;
  officeCode: string;
  seq: number;
  at: Date;
  timeZone: string;
}): RegistrationNumber {
  const localDate = localDateTime(input.at, input.timeZone).date;
  return {
    number: formatRegisterNumber(input.pattern, {
      seq: input.seq,
      officeCode: input.officeCode,
      date: localDate,
    }),
    year: Number(localDate.slice(0, 4)),
    localDate,
  };
}

/** The counting year of an instant at an office (the counter row is per office and year). */
export function registrationYear(at: Date, timeZone: string): number {
  return Number(localDateTime(at, timeZone).date.slice(0, 4));
}
