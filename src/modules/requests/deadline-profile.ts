import type { OfficeSettings } from '../offices/office-settings.ts';
import type { Category, DeadlineProfile } from './schema.ts';

export interface DeadlineNumbers {
  profile: DeadlineProfile;
  responseDays: number;
  extensionDays: number;
}

/**
 * Standard: UU 14/2008 Pasal 22(7)-(8), 10 + 7 working days. Election: Perki 1/2019 Pasal 12,
 * 3 + 2 working days for information on election stages, when the office has enabled it. The
 * numbers are the office's data, copied onto each request when it is received.
 */
export function deadlineProfileFor(
  category: Category,
  settings: OfficeSettings['requests'],
  nationalElectionPeriod = false,
): DeadlineNumbers {
  // A national election period (calendar/election-periods.ts) switches the profile on everywhere.
  if (category === 'TAHAPAN_PEMILU' && (settings.electionProfileEnabled || nationalElectionPeriod)) {
    return {
      profile: 'ELECTION',
      responseDays: settings.electionDays,
      extensionDays: settings.electionExtensionDays,
    };
  }
  return {
    profile: 'STANDARD',
    responseDays: settings.standardDays,
    extensionDays: settings.standardExtensionDays,
  };
}
