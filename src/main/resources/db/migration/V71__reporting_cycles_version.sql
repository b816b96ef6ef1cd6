-- A plan's cycles have a version kept on its cadence row, raised by every statement that writes the plan's cycles
-- (issue 14): the due list read a plan's ~100 cycles at each request only to learn they had not changed since the
-- JSON it keeps of them was written; it now reads the version with the cadence and the cycles only when it moved.
-- A trigger, not the application, so that whatever writes the cycles (another node, a migration, an operator's
-- SQL) is seen at once.
-- Numbers from one sequence, never an increment: a cadence deleted and made again cannot come back to a version the
-- node has kept cycles under.
create sequence reporting_cycles_version_seq;
alter table reporting_cadence add column cycles_version bigint not null default nextval('reporting_cycles_version_seq');

create function reporting_cycles_written() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update reporting_cadence set cycles_version = nextval('reporting_cycles_version_seq')
        where plan_id in (select distinct plan_id from old_cycles);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        update reporting_cadence set cycles_version = nextval('reporting_cycles_version_seq')
        where plan_id in (select distinct plan_id from new_cycles);
    end if;
    return null;
end
$$;

create trigger reporting_cycles_inserted after insert on reporting_cycle
    referencing new table as new_cycles for each statement execute function reporting_cycles_written();
create trigger reporting_cycles_updated after update on reporting_cycle
    referencing old table as old_cycles new table as new_cycles for each statement execute function reporting_cycles_written();
create trigger reporting_cycles_deleted after delete on reporting_cycle
    referencing old table as old_cycles for each statement execute function reporting_cycles_written();
