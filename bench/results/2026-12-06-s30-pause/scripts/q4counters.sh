#!/usr/bin/env bash
# q4counters.sh NAME JAR: session 28's q4ab.sh (a fresh copy of the 100k master, a settled Q4 run, Python, 45 s, cpusplit)
# reading the database's counters (buffers, commits, WAL, full-page images, rows written) 10 s and 40 s into the window
Q="copy (select now(), (select sum(blks_hit + blks_read) from pg_stat_database), (select sum(xact_commit) from pg_stat_database),
  (select wal_bytes from pg_stat_wal), (select wal_fpi from pg_stat_wal),
  (select sum(tup_inserted + tup_updated + tup_deleted) from pg_stat_database)) to stdout" \
  exec bash "$(dirname "$0")/../../2026-12-06-s28-queue/scripts/q4ab.sh" "$@"
