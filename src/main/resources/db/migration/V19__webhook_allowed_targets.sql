-- Webhooks post only to public addresses on ports 80 and 443. An administrator admits internal receivers
-- (an intranet robot gateway, a test server) by host name, address or CIDR range; such an entry allows any
-- port. The setting rectify.webhooks.allowed-targets adds entries that are not kept here.
create table webhook_allowed_target (
    entry      text        primary key check (length(entry) between 1 and 200),
    note       text        check (length(note) <= 500),
    created_by text        not null,
    created_at timestamptz not null default now()
);
