#!/usr/bin/env bash
# par.sh DATA: each count statement with no parallel workers (the server's setting) and with two, alternated, 4 rounds
cd /tmp/s34; D=$1
export PGHOST=localhost PGUSER=rectify_owner PGDATABASE=postgres PGPORT=$(sed -n 4p $D/postgres/postmaster.pid) PGPASSWORD=$(sed -n 's/^rectify_owner=//p' $D/postgres-passwords.properties)
fig() { sed "s#/1/#$1#" helper/q_fig_1.sql; }
sup() { sed "s#/1/#$1#" helper/q_sup_counts_p.sql; }
for round in 1 2 3 4; do
  for scope in /1/ /1/6/; do
    for kind in fig sup; do
      for w in 0 2; do
        ms=$( { echo "set max_parallel_workers_per_gather = $w;"; echo '\timing on'; $kind $scope; echo ";"; } | psql -X -q 2>&1 | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1)
        echo "$round $scope $kind workers=$w $ms"
      done
    done
  done
done
