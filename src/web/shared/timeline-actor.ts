import type { Translate } from '../../platform/i18n.ts';

// Timelines store who acted as a label: a staff member's name or token, or one of the fixed
// words the use cases write for the requester and the system ("pemohon", "publik", "sistem").
// Those words are shown in the page's language (issue 13 item 12: "— pemohon" in English mode).
const FIXED: Record<string, string> = {
  pemohon: 'timeline.actor.requester',
  publik: 'timeline.actor.requester',
  sistem: 'timeline.actor.system',
};

export function timelineActor(t: Translate, label: string): string {
  const key = FIXED[label];
  return key ? t(key) : label;
}
