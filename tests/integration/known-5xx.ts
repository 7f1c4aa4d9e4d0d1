// Known 5xx answers to bad input that were being fixed while the bad-input suite (bad-input.test.ts)
// was written. Each entry named its defect; all are fixed and the list is empty. Nothing else may be added here: any other 5xx
// is a bug to fix.

export interface BadInputCase {
  /** The route as registered, e.g. /api/v1/calendar/due-date */
  route: string;
  method: string;
  /** The URL as sent. */
  url: string;
  contentType: string | undefined;
  /** The body as sent (text or latin1 of the bytes). */
  body: string;
  status: number;
}

export interface Known5xx {
  defect: string;
  matches(c: BadInputCase): boolean;
}

// Empty since the fixes of issue 12 (defects 6 and 10) were merged: keep it so.
export const KNOWN_5XX: Known5xx[] = [];

export function knownDefect(c: BadInputCase): string | undefined {
  return KNOWN_5XX.find((k) => k.matches(c))?.defect;
}
