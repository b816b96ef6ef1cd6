-- Start-up (issue 14): at every start Spring Modulith republishes the outstanding event publications, found with
-- "completion_date is null or status != 'COMPLETED'". Completed publications are kept (35,421 on the 100k province,
-- more with every command), and an OR cannot use the completion_date index: each start read all of them (a sequential
-- scan, 0.3-0.4 s on the busy machine, growing with use). This index holds only the outstanding ones, under the
-- registry's own predicate (so the planner can use it) and in its order.
create index event_publication_outstanding_idx on event_publication (publication_date)
    where completion_date is null or status <> 'COMPLETED';
