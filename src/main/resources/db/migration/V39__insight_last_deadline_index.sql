-- The headline's 序时进度 ends at the last deadline of the caller's tasks (issue 13): max(deadline) over one scope
-- key's rows of insight_deadline walked the whole key (the province's 35,000 rows, 8 ms of a 25 ms dashboard); by key and
-- deadline it is the last entry of the key's range (0.1 ms), with or without a plan or section filter.
create index insight_deadline_last_idx on insight_deadline (scope_key, deadline);
