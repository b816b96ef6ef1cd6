set role rectify_app;
set max_parallel_workers_per_gather = 0;
\o /dev/null
select count(*) from task_warning w where w.level = 'RED' and w.plan_id in (select p.id from plan p join units_directory u on u.id = p.owner_unit_id where u.path like '/1/6/%') and not exists (select 1 from ledger_entry e where e.task_id = w.task_id and e.resolved_at is null);
select count(*) from (select 1 from task_warning w where w.level = 'RED' and w.plan_id in (select p.id from plan p join units_directory u on u.id = p.owner_unit_id where u.path like '/1/6/%') and not exists (select 1 from ledger_entry e where e.task_id = w.task_id and e.resolved_at is null) limit 1000) q;
\o
explain (analyze, timing off, summary on) select count(*) from task_warning w where w.level = 'RED' and w.plan_id in (select p.id from plan p join units_directory u on u.id = p.owner_unit_id where u.path like '/1/6/%') and not exists (select 1 from ledger_entry e where e.task_id = w.task_id and e.resolved_at is null);
explain (analyze, timing off, summary on) select count(*) from (select 1 from task_warning w where w.level = 'RED' and w.plan_id in (select p.id from plan p join units_directory u on u.id = p.owner_unit_id where u.path like '/1/6/%') and not exists (select 1 from ledger_entry e where e.task_id = w.task_id and e.resolved_at is null) limit 1000) q;
