-- An upgrade from a jar before session 22 (issue 14). Such a jar's WarningTriggers heard of each created task
-- (on(TaskCreated)); session 22's hears of a batch (on(TasksCreated)) and the old listener is gone. A publication the
-- old jar left incomplete (stopped between a creation's commit and its assessment) would be resubmitted at every start
-- and left failed by Spring Modulith ("Listener ... not found"), and its task go unassessed (no warning) until the
-- nightly pass. Each plan's such tasks are handed to the listener that took over, as one outstanding TasksCreated
-- publication, in the form the new jar writes, so the start's republication assesses them as a publication's listener
-- does; the old rows are completed (kept, as completed publications are). Only this listener is gone: every other
-- listener of the older jars still exists under its id (their publications are resubmitted as they are).
with old as (
    select id, serialized_event::jsonb as e, publication_date
    from event_publication
    where listener_id = 'org.rectify.supervision.internal.WarningTriggers.on(org.rectify.plans.TaskCreated)'
      and (completion_date is null or status <> 'COMPLETED')),
completed as (
    update event_publication p set status = 'COMPLETED', completion_date = now()
    from old where p.id = old.id)
insert into event_publication (id, event_type, listener_id, publication_date, serialized_event, status,
                               completion_attempts, last_resubmission_date)
select gen_random_uuid(), 'org.rectify.plans.TasksCreated',
       'org.rectify.supervision.internal.WarningTriggers.on(org.rectify.plans.TasksCreated)', min(publication_date),
       jsonb_build_object('planId', (e ->> 'planId')::bigint,
                          'taskIds', jsonb_agg((e ->> 'taskId')::bigint order by (e ->> 'taskId')::bigint),
                          'assigned', false, 'actor', min(e ->> 'actor'), 'occurredAt', min(e ->> 'occurredAt'))::text,
       'PUBLISHED', 0, min(publication_date)
from old
group by (e ->> 'planId')::bigint;
