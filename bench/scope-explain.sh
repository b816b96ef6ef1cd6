#!/usr/bin/env bash
# EXPLAIN ANALYZE of the ledger's Q1 statements (the count and the page of open tasks by deadline) for a root
# office, a county office and unit staff, with the data scope as it was (a join of task units, or the plan's owner)
# and, once V26 is in, as it is (the task's reach). PG* environment as run.sh sets it. Usage: scope-explain.sh OUT
set -euo pipefail
OUT=${1:-.}; mkdir -p "$OUT"
OPEN="t.status in ('ASSIGNED','IN_PROGRESS','CLOSURE_REQUESTED','ONGOING','REOPENED')"
has_reach=$(psql -X -At -c "select count(*) from information_schema.columns where table_name = 'task' and column_name = 'office_reach'")
range() { echo "u.path >= '$1' and u.path < '${1%/}0'"; }
old() { # $1 path, $2 own plans (1/0)
  local c="exists (select 1 from task_unit tu join unit u on u.id = tu.unit_id where tu.task_id = t.id and $(range "$1"))"
  [ "$2" = 1 ] && c="($c or t.plan_id in (select p.id from plan p join unit u on u.id = p.owner_unit_id where $(range "$1")))"
  echo "$c"
}
new() { [ "$2" = 1 ] && echo "t.office_reach @> array['$1']" || echo "t.unit_reach @> array['$1']"; }
ms() { grep -E 'Planning Time|Execution Time' "$1" | grep -oE '[0-9.]+' | paste -sd+ | bc; } # planning + execution
echo "| scope | form | count ms | count rows | page ms |"; echo "|---|---|---|---|---|"
for scope in "root-office g1-office 1" "county-office g1-c01-k01-office 1" "unit-staff g1-c01-k01-d1-staff 0"; do
  set -- $scope
  path=$(psql -X -At -c "select u.path from account a join unit u on u.id = a.unit_id where a.username = '$2'")
  forms="old"; [ "$has_reach" = 1 ] && forms="old new"
  for form in $forms; do
    cond=$($form "$path" "$3")
    count="select count(*) from task t where $cond and $OPEN"
    page="select t.id, t.ref, t.title, t.status, t.deadline from task t where $cond and $OPEN order by t.deadline asc nulls last, t.id limit 50"
    for q in count page; do
      for _ in 1 2; do psql -X -At -c "explain (analyze, buffers) ${!q}" >"$OUT/$1-$form-$q.txt"; done
    done
    rows=$(psql -X -At -c "$count")
    echo "| $1 | $form | $(ms "$OUT/$1-$form-count.txt") | $rows | $(ms "$OUT/$1-$form-page.txt") |"
  done
done
