-- A plan's top-level sections (一, 二, …: PlanSections, the filters of the ledger, the warnings desk and the matrix) by
-- a skip along this index, one probe per section, where grouping cut every reference of the plans (2.5 s for the 24
-- plans of a province of 1,000,000 tasks, again every 5 minutes). The expression is PlanSections.sectionOf's, as jOOQ
-- renders it: a query with another one cannot use the index.
create index task_plan_section_idx on task (plan_id, regexp_replace(ref, '[(0-9０-９].*$', ''), position);
