-- API tokens (issue 14): programs call the API with "Authorization: Bearer <token>" instead of a password, so a
-- request costs one indexed read instead of a bcrypt. The token is a random 256-bit secret shown once; only its
-- SHA-256 is kept (a fast hash suits a secret that cannot be guessed). A token acts as its account, with the
-- account's role and unit at the time of the call, ends at expires_at, and is revoked by setting revoked_at.
create table api_token (
    id          bigint generated always as identity primary key,
    account_id  bigint      not null references account (id),
    name        text        not null,
    secret_hash bytea       not null unique,
    prefix      text        not null, -- the first characters, so the owner can tell tokens apart
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    revoked_at  timestamptz
);
create index api_token_account_idx on api_token (account_id);

-- The data scope at province scale (issue 14). "A unit of the task lies in my subtree, or its plan is run from my
-- subtree" used to join every task-unit row of the subtree in each ledger statement. Instead each task keeps the
-- paths of every unit above-or-at its units (unit_reach) and, for the office roles, also above-or-at its plan's
-- owner (office_reach): a scope is then one indexed, well-estimated test, reach @> '{/1/4/}'. Triggers keep both
-- right whatever writes task_unit, plan or unit (the app, the generator's COPY, a restore), set-based per statement.
alter table task add column unit_reach text[] not null default '{}';
alter table task add column office_reach text[] not null default '{}';

-- '/1/4/23/' -> {'/1/', '/1/4/', '/1/4/23/'}
create function unit_path_and_above(p text) returns text[] language sql immutable parallel safe as $$
    select coalesce(array_agg(left(p, i) order by i), '{}')
    from generate_series(2, length(p)) i where substr(p, i, 1) = '/'
$$;

create function task_reach_refresh(ids bigint[]) returns void language sql as $$
    update task t set unit_reach = r.units, office_reach = r.units || r.owner
    from (select tk.id,
                 coalesce((select array_agg(distinct a order by a)
                           from task_unit tu join unit un on un.id = tu.unit_id, unnest(unit_path_and_above(un.path)) a
                           where tu.task_id = tk.id), '{}') as units,
                 coalesce((select unit_path_and_above(o.path) from plan p join unit o on o.id = p.owner_unit_id
                           where p.id = tk.plan_id), '{}') as owner
          from task tk where tk.id = any(ids)) r
    where t.id = r.id and (t.unit_reach is distinct from r.units or t.office_reach is distinct from r.units || r.owner)
$$;

create function task_unit_reach_trigger() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        perform task_reach_refresh(array(select distinct task_id from changed_new));
    end if;
    if tg_op in ('DELETE', 'UPDATE') then
        perform task_reach_refresh(array(select distinct task_id from changed_old));
    end if;
    return null;
end $$;
create trigger task_unit_reach_insert after insert on task_unit referencing new table as changed_new
    for each statement execute function task_unit_reach_trigger();
create trigger task_unit_reach_update after update on task_unit referencing old table as changed_old new table as changed_new
    for each statement execute function task_unit_reach_trigger();
create trigger task_unit_reach_delete after delete on task_unit referencing old table as changed_old
    for each statement execute function task_unit_reach_trigger();

-- a new task (or one moved to another plan) starts with its plan owner's reach; its units follow in task_unit
create function task_owner_reach_trigger() returns trigger language plpgsql as $$
begin
    new.office_reach := new.unit_reach || coalesce((select unit_path_and_above(o.path) from plan p
                                                     join unit o on o.id = p.owner_unit_id where p.id = new.plan_id), '{}');
    return new;
end $$;
create trigger task_owner_reach before insert or update of plan_id on task
    for each row execute function task_owner_reach_trigger();

create function plan_owner_reach_trigger() returns trigger language plpgsql as $$
begin
    perform task_reach_refresh(array(select t.id from task t join changed_new p on p.id = t.plan_id));
    return null;
end $$;
create trigger plan_owner_reach after update on plan referencing new table as changed_new
    for each statement execute function plan_owner_reach_trigger();

-- a unit moved in the tree has new paths: the tasks it takes part in and the tasks of the plans it runs follow
create function unit_path_reach_trigger() returns trigger language plpgsql as $$
begin
    perform task_reach_refresh(array(
        select tu.task_id from task_unit tu join changed_new u on u.id = tu.unit_id join changed_old o on o.id = u.id
        where u.path is distinct from o.path
        union
        select t.id from task t join plan p on p.id = t.plan_id join changed_new u on u.id = p.owner_unit_id
        join changed_old o on o.id = u.id where u.path is distinct from o.path));
    return null;
end $$;
create trigger unit_path_reach after update on unit referencing old table as changed_old new table as changed_new
    for each statement execute function unit_path_reach_trigger();

select task_reach_refresh(array(select id from task));
create index task_unit_reach_idx on task using gin (unit_reach);
create index task_office_reach_idx on task using gin (office_reach);
