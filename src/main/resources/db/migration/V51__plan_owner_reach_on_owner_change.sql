-- A plan's tasks take their office reach from the plan's owner (V26), and nothing else of the plan: yet the trigger
-- fired on every update of plan and recomputed the reach of all its tasks, so a rename (update plan set short_name)
-- took 2.2 s on a 100,000-task plan for no change. It now fires only when the owner changes. A statement-level
-- trigger with transition tables may not name columns, and plans change a few rows at a time: a row trigger.
drop trigger plan_owner_reach on plan;
drop function plan_owner_reach_trigger();

create function plan_owner_reach_trigger() returns trigger language plpgsql as $$
begin
    perform task_reach_refresh(array(select t.id from task t where t.plan_id = new.id));
    return null;
end $$;
create trigger plan_owner_reach after update of owner_unit_id on plan
    for each row when (old.owner_unit_id is distinct from new.owner_unit_id)
    execute function plan_owner_reach_trigger();
