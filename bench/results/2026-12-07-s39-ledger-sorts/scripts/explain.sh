#!/bin/bash
# explain.sh DATA LIST OUTPREFIX: each statement of LIST (name|sql) run twice on one connection, then EXPLAIN ANALYZE'd
export PGHOST=localhost PGUSER=postgres PGDATABASE=postgres PGPORT=$(sed -n 4p $1/postgres/postmaster.pid) PGPASSWORD=$(sed -n "s/^postgres=//p" $1/postgres-passwords.properties)
while IFS='|' read -r name sql; do
  { echo "set role rectify_app;"; echo "\\o /dev/null"; echo "$sql;"; echo "$sql;"; echo "\\o"; echo "explain (analyze, buffers, timing off, summary on) $sql;"; } \
    | psql -X -q > $3-$name.txt 2>&1
  echo "$name $(grep -o 'Execution Time: [0-9.]* ms' $3-$name.txt)"
done < $2
