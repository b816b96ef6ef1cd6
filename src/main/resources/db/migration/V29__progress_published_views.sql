-- Views the progress module publishes as its API (jOOQ generates them into org.rectify.progress.api). Supervision's
-- reminders, warnings and circulars join these, never progress' tables; the rule for what counts is here, once.
-- Plain views over one table each: PostgreSQL inlines them, the plans stay the same.

-- The reporting cycles of each plan.
create view progress_cycle as
select id, plan_id, kind, seq, period_start, period_end, due_on, grace_until
from reporting_cycle;

-- Where each task × unit × cycle stands. No row: nothing reported yet (missing).
--   submitted          a version counts as submitted (a correction in the works does not undo it)
--   awaiting_approval  a version waits for the unit head's approval (not yet submitted; no reminder to report is due)
--   updated_at         when the slot last changed state
create view progress_slot_state as
select cycle_id, task_id, unit_id,
       submitted_report_id is not null as submitted,
       state = 'AWAITING_APPROVAL'     as awaiting_approval,
       updated_at
from report_slot;
