import type { Locale, Messages } from '../../platform/i18n.ts';
import annual from './annual.ts';
import archive from './archive.ts';
import common from './common.ts';
import dip from './dip.ts';
import exemptions from './exemptions.ts';
import publicPages from './public.ts';
import lawPeriods from './law-periods.ts';
import objections from './objections.ts';
import reports from './reports.ts';
import requests from './requests.ts';
import security from './security.ts';
import sops from './sops.ts';
import staff from './staff.ts';
import redaction from './redaction.ts';
import worklist from './worklist.ts';
import fields from './fields.ts';
import preview from './preview.ts';
import feeds from './feeds.ts';
import documents from './documents.ts';
import charter from './charter.ts';

// Every namespace of messages, merged. A capability adds its own file and one line here.
export const namespaces = [
  common,
  publicPages,
  staff,
  requests,
  objections,
  dip,
  archive,
  sops,
  worklist,
  reports,
  security,
  lawPeriods,
  exemptions,
  redaction,
  annual,
  fields,
  preview,
  feeds,
  documents,
  charter,
];

export const catalog: Record<Locale, Messages> = {
  id: Object.assign({}, ...namespaces.map((n) => n.id)) as Messages,
  en: Object.assign({}, ...namespaces.map((n) => n.en)) as Messages,
};
