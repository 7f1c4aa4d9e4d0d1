import { onCalendarChange } from './calendar/calendar-changes.ts';
import { recountObjectionDeadlines } from './objections/recount-objection-deadlines.ts';
import { recountRequestDeadlines } from './requests/recount-request-deadlines.ts';

// Wires the recount of open deadlines to calendar changes (ADR 0046). Imported by web/app.ts
// and the CLI, so every process that can change the calendar recounts.
onCalendarChange('requests', recountRequestDeadlines);
onCalendarChange('objections', recountObjectionDeadlines);
