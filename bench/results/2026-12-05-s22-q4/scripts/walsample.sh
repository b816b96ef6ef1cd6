#!/usr/bin/env bash
# every second: pg_stat_wal, pg_stat_checkpointer, event_publication incomplete, pending rows (until killed)
DATA=$1; OUT=$2
export PGHOST=localhost PGUSER=rectify_owner PGDATABASE=postgres
export PGPASSWORD=$(sed -n 's/^rectify_owner=//p' "$DATA/postgres-passwords.properties")
while true; do
  export PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid" 2>/dev/null)
  [ -n "$PGPORT" ] && psql -X -At -c "select json_build_object('t', extract(epoch from now()),
    'wal_records', w.wal_records, 'wal_fpi', w.wal_fpi, 'wal_bytes', w.wal_bytes,
    'ckpt_timed', c.num_timed, 'ckpt_req', c.num_requested, 'ckpt_done', c.num_done, 'buf_written', c.buffers_written,
    'evp_open', (select count(*) from event_publication where completion_date is null),
    'evp_all', (select count(*) from event_publication), 'audit_pending', (select count(*) from audit_pending), 'insight_pending', (select count(*) from insight_pending))
    from pg_stat_wal w, pg_stat_checkpointer c" >> "$OUT" 2>/dev/null
  sleep 1
done
