begin;
create temp table ids as select id from task where status = 'ASSIGNED' order by id limit 600;
create temp table r (variant text, wal bigint, ms numeric, n int);
create or replace function pg_temp.run(variant text, lo int, hi int) returns void language plpgsql as $f$
declare w0 pg_lsn; t0 timestamptz; i bigint; n int := 0;
begin
  w0 := pg_current_wal_insert_lsn(); t0 := clock_timestamp();
  for i in select id from ids order by id offset lo limit hi - lo loop
    update task set status = 'IN_PROGRESS', version = version + 1, updated_at = now() where id = i and status = 'ASSIGNED';
    n := n + 1;
  end loop;
  insert into r values (variant, pg_current_wal_insert_lsn() - w0, extract(epoch from clock_timestamp() - t0) * 1000, n);
end $f$;
select pg_temp.run('V72', 0, 100);
alter table task disable trigger task_open_duty_update_shown;
select pg_temp.run('V71', 100, 200);
alter table task enable trigger task_open_duty_update_shown;
select pg_temp.run('V72', 200, 300);
alter table task disable trigger task_open_duty_update_shown;
select pg_temp.run('V71', 300, 400);
alter table task enable trigger task_open_duty_update_shown;
select pg_temp.run('V72', 400, 500);
alter table task disable trigger task_open_duty_update_shown;
select pg_temp.run('V71', 500, 600);
select variant, n, wal, round(wal::numeric/n) as wal_per_start, round(ms/n, 3) as ms_per_start from r;
select count(*) filter (where d.status = t.status) as current, count(*) as rows from task_open_duty d join task t on t.id = d.task_id where task_id in (select id from ids);
rollback;
