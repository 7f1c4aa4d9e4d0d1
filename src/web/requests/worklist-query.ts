import { WORKLIST_VIEWS } from '../../modules/requests/list-worklist.ts';
import { WORKLIST_SORTS } from '../../modules/requests/queries.ts';
import { REQUEST_STATUSES } from '../../modules/requests/status.ts';
import { defineListQuery, type ListQuery } from '../shared/list-query.ts';

// The request worklist's address state (view, sealed search, sort, page): the shared list
// query (src/web/shared/list-query.ts) with the worklist's views and sort columns.

export const VIEWS = [...WORKLIST_VIEWS, ...REQUEST_STATUSES] as const;

export type WorklistQuery = ListQuery<(typeof VIEWS)[number], (typeof WORKLIST_SORTS)[number]>;

const worklistQuery = defineListQuery({
  views: VIEWS,
  defaultView: 'open',
  sorts: WORKLIST_SORTS,
  defaultSort: 'due',
});

export const parseWorklistQuery = worklistQuery.parse;
/** The worklist address for a state; defaults are left out, the search is sealed. */
export const worklistHref = worklistQuery.href;
export const worklistQueryFromForm = worklistQuery.fromForm;
