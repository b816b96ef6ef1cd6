-- root Q2's page sizes: per CITY-level unit, its open tasks due before today that it leads (page of at most 50)
select count(*) cities, round(avg(least(n,50)),1) avg_rows_shown, sum((n>=50)::int) full_pages, sum(n) overdue_total
from (select u.id, (select count(*) from task_open_reach r where r.path = u.path and r.in_lead_reach and r.deadline < current_date) n
      from unit u where u.level='CITY') x;
