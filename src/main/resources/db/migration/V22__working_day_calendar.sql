-- The working-day calendar: the exceptions to "Monday to Friday work" that the State Council announces each year.
-- HOLIDAY: a day off (休), weekend days of a long holiday included so the year view names them; WORKDAY: a
-- make-up working day (调休上班), always a Saturday or Sunday. A year without rows counts weekends only.
create table calendar_day (
    day        date        primary key,
    kind       text        not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name       text        not null check (length(btrim(name)) between 1 and 40),
    created_by text        not null,
    created_at timestamptz not null default now(),
    check (kind = 'HOLIDAY' or extract(isodow from day) in (6, 7))
);

-- One row, bumped with every change: each node keeps the calendar in memory and reloads it when this differs.
create table calendar_version (
    id      boolean primary key default true check (id),
    version bigint  not null
);
insert into calendar_version (id, version) values (true, 1);

-- 国务院办公厅关于2026年部分节假日安排的通知 (2025年11月4日).
insert into calendar_day (day, kind, name, created_by)
select d::date, 'HOLIDAY', n, 'system'
  from (values ('2026-01-01', '2026-01-03', '元旦'), ('2026-02-15', '2026-02-23', '春节'),
               ('2026-04-04', '2026-04-06', '清明节'), ('2026-05-01', '2026-05-05', '劳动节'),
               ('2026-06-19', '2026-06-21', '端午节'), ('2026-09-25', '2026-09-27', '中秋节'),
               ('2026-10-01', '2026-10-07', '国庆节')) h(f, t, n),
       generate_series(f::date, t::date, interval '1 day') d;
insert into calendar_day (day, kind, name, created_by)
values ('2026-01-04', 'WORKDAY', '元旦', 'system'), ('2026-02-14', 'WORKDAY', '春节', 'system'),
       ('2026-02-28', 'WORKDAY', '春节', 'system'), ('2026-05-09', 'WORKDAY', '劳动节', 'system'),
       ('2026-09-20', 'WORKDAY', '国庆节', 'system'), ('2026-10-10', 'WORKDAY', '国庆节', 'system');
