#!/usr/bin/env bash
# sidecar: every 5 s, the WAL's block references of the last 5 s by relation (pg_walinspect, created in the copy):
# blocks, full-page images and their bytes, one JSON line per interval into OUT/fpi.jsonl
DATA=$1; OUT=$2
export PGHOST=localhost PGUSER=postgres PGDATABASE=postgres
export PGPASSWORD=$(sed -n 's/^postgres=//p' "$DATA/postgres-passwords.properties")
until [ -f "$DATA/postgres/postmaster.pid" ] && PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid") psql -X -q -c "create extension if not exists pg_walinspect" 2>/dev/null; do sleep 1; done
export PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
P=$(psql -X -At -c "select pg_current_wal_insert_lsn()")
while true; do
  sleep 5
  export PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid" 2>/dev/null)
  N=$(psql -X -At -c "select pg_current_wal_insert_lsn()" 2>/dev/null) || continue
  psql -X -At -c "select json_build_object('t', extract(epoch from now()), 'from', '$P', 'to', '$N', 'rels',
      (select json_agg(x) from (select coalesce((select relname from pg_class c where c.relfilenode = b.relfilenode), b.relfilenode::text) rel,
        count(*) blocks, count(*) filter (where block_fpi_length > 0) fpis, coalesce(sum(block_fpi_length), 0) fpi_bytes
      from pg_get_wal_block_info('$P', '$N') b group by 1 order by 3 desc, 2 desc) x))" >> $OUT/fpi.jsonl 2>>$OUT/fpi.err
  P=$N
done
