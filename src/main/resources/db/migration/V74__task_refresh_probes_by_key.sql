-- The refreshes of a task's reach and duties (V52, V70, V73) probe by key, whatever the tables held when their plan
-- was made (issue 14, the generator at 1,000,000 tasks). Their generic plans are made at the first call in a session:
-- made while a table was empty (a new database's first intake; a load, whose first duty refresh runs before any duty
-- exists), a plan scanned that table, costed at nothing, and kept scanning it once it was full. A 30,000-task load
-- then read its 124,074 duty rows, each against the batch's 30,000 ids (19 s), and read every task unit for every task
-- (800 million rows, 576 s) where the generator had not yet planned again (ProvinceWriter.done); 1,000,000 tasks did
-- not finish. A call names a handful of tasks in the app and a load's batch at most: a scan is never the plan wanted.
-- (One task unit added and taken away again, pgbench on the 100k data, one client: 10.6 / 10.5 ms before, 10.9 / 9.7
-- ms after.)
alter function task_reach_refresh(bigint[]) set enable_seqscan = off;
alter function task_open_duty_refresh(bigint[]) set enable_seqscan = off;
alter function task_open_duty_show(bigint[]) set enable_seqscan = off;
