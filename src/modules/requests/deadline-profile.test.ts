import { describe, expect, it } from 'vitest';
import { readOfficeSettings } from '../offices/office-settings.ts';
import { deadlineProfileFor } from './deadline-profile.ts';

describe('deadline profiles', () => {
  const standard = readOfficeSettings({}).requests;
  const election = readOfficeSettings({ requests: { electionProfileEnabled: true } }).requests;
  const custom = readOfficeSettings({
    requests: { electionProfileEnabled: true, electionDays: 2, electionExtensionDays: 1, standardDays: 9 },
  }).requests;

  it.each([
    ['standard office, election information', standard, 'TAHAPAN_PEMILU', 'STANDARD', 10, 7],
    ['standard office, body information', standard, 'BADAN_PUBLIK', 'STANDARD', 10, 7],
    ['election profile, election information', election, 'TAHAPAN_PEMILU', 'ELECTION', 3, 2],
    ['election profile, body information', election, 'BADAN_PUBLIK', 'STANDARD', 10, 7],
    ['office numbers, election information', custom, 'TAHAPAN_PEMILU', 'ELECTION', 2, 1],
    ['office numbers, body information', custom, 'BADAN_PUBLIK', 'STANDARD', 9, 7],
  ] as const)('%s', (_name, settings, category, profile, responseDays, extensionDays) => {
    expect(deadlineProfileFor(category, settings)).toEqual({ profile, responseDays, extensionDays });
  });
});
