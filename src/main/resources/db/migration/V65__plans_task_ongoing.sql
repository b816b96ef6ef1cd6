-- Published by plans: whether a task is ongoing (长期坚持), so that the warning desk and the ledger export say so for a
-- task without a date rather than 未定 (appended: a view keeps its columns' order).
create or replace view plans_task as
select id, plan_id, ref, position, title, text, status, deadline, unit_reach, office_reach, lead_reach,
       measures, finding_id, responsible_person_id, created_at, ongoing
from task;
