#!/usr/bin/env bash
# plancache.sh SQLFILE 'PARAMS' [N]: the statement PREPAREd on one psql session and EXECUTEd N (12) times with PARAMS,
# then pg_prepared_statements' generic_plans / custom_plans, and EXPLAIN of the 13th execution (a generic plan shows $n).
# PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE of a copy's database.
set -euo pipefail
sql=$(cat "$1"); params=$2; n=${3:-12}
{
  echo "prepare q as $sql;"
  for i in $(seq $n); do echo "execute q($params);"; done
  echo "\\o"
  echo "select 'generic', generic_plans, 'custom', custom_plans from pg_prepared_statements where name = 'q';"
  echo "explain (costs on) execute q($params);"
  echo "set plan_cache_mode = force_generic_plan; explain (costs on) execute q($params);"
  echo "set plan_cache_mode = force_custom_plan; explain (costs on) execute q($params);"
} | psql -X -q -o /dev/null -f - 2>&1
