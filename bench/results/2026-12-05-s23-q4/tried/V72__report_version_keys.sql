-- A submitted report's version row checked its task, unit and cycle against their tables one by one, and wrote two
-- index entries no read looks up (issue 14, Q4: a submission's PostgreSQL work is its largest single part).
--
-- One key instead of three: a version's (cycle, task, unit) is its slot's, and the slot's own keys already hold the
-- task, the unit and the cycle to their tables (a task, unit or cycle with reports still cannot be deleted: its
-- slots name it). The composite key checks more than the three did (the triple is a slot's, not three rows that
-- merely exist) through the slot's unique key, which a version's insert has just made or touched.
alter table progress_report
    drop constraint progress_report_task_id_fkey,
    drop constraint progress_report_unit_id_fkey,
    drop constraint progress_report_cycle_id_fkey,
    add constraint progress_report_slot_key_fkey foreign key (cycle_id, task_id, unit_id)
        references report_slot (cycle_id, task_id, unit_id);

-- Indexes only a deleted or re-keyed version would use (its foreign keys' checks): no read looks a version up by
-- the one it supersedes, nor a history step by its version (a report's history is read by its slot), and no
-- statement deletes a version (a submitted one may not be; a draft is edited, never deleted). An operator's delete
-- of a draft would scan both tables to check them: rare, and correct.
drop index progress_report_supersedes_idx;
drop index report_event_report_idx;
