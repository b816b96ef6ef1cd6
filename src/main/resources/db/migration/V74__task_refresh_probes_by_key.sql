-- The refreshes of a task's reach and duties (V52, V70, V73) probe by key, whatever the tables held when their plan
-- was made (issue 14, the generator at 1,000,000 tasks). Their generic plans are made once per session, at the first
-- call: made while a table was still empty (a new database's first intake, a load whose task COPY ran the duty refresh
-- before any task unit existed), a plan scanned that table, costed at nothing, and kept scanning it once it was full,
-- for every task of a call: 30,000 generated tasks read 800 million task units (576 s), and the refresh that followed
-- read the 124,074 duty rows against a 30,000-element array each (19 s); 1,000,000 tasks did not finish. A call names
-- a handful of tasks in the app and all of a load's at most, so a scan is never the plan wanted.
alter function task_reach_refresh(bigint[]) set enable_seqscan = off;
alter function task_open_duty_refresh(bigint[]) set enable_seqscan = off;
alter function task_open_duty_show(bigint[]) set enable_seqscan = off;
