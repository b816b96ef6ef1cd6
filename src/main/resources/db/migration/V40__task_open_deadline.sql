-- Open tasks by deadline at province scale (issue 14). The ledger's default list (Q1) and "open and overdue" (Q2) walked
-- task_deadline_idx through closed and cancelled tasks too: as the root office in one city (a lead-unit filter), 3,600
-- rows read for a page of 50. This index holds only the open tasks, already in the page's order (deadline, then id),
-- so a page of open tasks stops after its rows without a sort, a city's overdue page reads about a third as many, and
-- the bounded count of "open, due by" intersects the lead reach with open tasks only. Any filter on a subset of these
-- statuses can use it (PostgreSQL proves the subset implies the predicate). The statuses in TaskStatus's order, the order
-- in which the ledger writes its condition: the same list, and PostgreSQL knows the status needs no other index.
create index task_open_deadline_idx on task (deadline, id)
    where status in ('ASSIGNED', 'IN_PROGRESS', 'CLOSURE_REQUESTED', 'ONGOING', 'REOPENED');
