-- The last facts insight read from other modules' tables (issue 11), published by their owners as views (jOOQ
-- generates them into org.rectify.<owner>.api): only the columns insight reads. Plain views, inlined by PostgreSQL.

-- Published by plans: the task's columns the ledger export and the headline read too (appended: a view keeps its
-- columns' order).
create or replace view plans_task as
select id, plan_id, ref, position, title, text, status, deadline, unit_reach, office_reach, lead_reach,
       measures, finding_id, responsible_person_id, created_at
from task;

-- The units a task names, with the group an assignment named them through (各县区党委、政府), as the export names them.
create or replace view plans_task_unit as
select task_id, unit_id, role, position, via_group_id
from task_unit;

-- A plan: its owner unit (whose office runs it) and the day it was issued (序时进度 starts there).
create view plans_plan as
select id, owner_unit_id, issued_on
from plan;

-- A finding of the inspection (反馈问题), as the ledger export names it.
create view plans_finding as
select id, text
from finding;

-- A task's indicators: the target a measurement is held against.
create view plans_indicator as
select id, task_id, name, phrase, comparator, target_value, unit_of_measure, due_on, position
from indicator;

-- A task's obligations: how often something must be done (at least N per WEEK, MONTH, QUARTER or YEAR).
create view plans_obligation as
select task_id, at_least, per
from obligation;

-- Published by progress: the counted (submitted) report of each task × unit × cycle, with its work done. Joins
-- report_slot to its counted version by their keys, like progress_measurement.
create view progress_submitted_report as
select s.task_id, r.work_done, r.submitted_at
from report_slot s
join progress_report r on r.id = s.submitted_report_id;

-- Published by supervision: a task's assessment now (schedule status, warning level).
create view supervision_task_warning as
select task_id, schedule_status, level
from task_warning;
