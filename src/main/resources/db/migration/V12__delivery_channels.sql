-- Delivery channels beyond the in-app inbox: email over SMTP and webhooks (generic JSON, DingTalk and WeCom
-- robots). What is to be sent is queued in outbound_message in the same transaction as the inbox delivery,
-- and a sender sends it later: a failing channel is retried with backoff and never holds up the others.

-- Where mail goes. Nullable: an account or person without an address gets the inbox only.
alter table account add column email text;
alter table person add column email text;

-- A robot or endpoint that hears of what concerns units in its scope (unit_id null = all units, else
-- that unit's subtree). The secret signs DingTalk requests; it is never shown back to anyone.
create table webhook (
    id         bigint generated always as identity primary key,
    name       text        not null,
    format     text        not null check (format in ('GENERIC', 'DINGTALK', 'WECOM')),
    url        text        not null,
    secret     text,
    unit_id    bigint references unit (id),
    enabled    boolean     not null default true,
    created_at timestamptz not null default now()
);

-- The outbox. One row per channel, address and dedupe key: handling an event twice (a retry, a restart,
-- two app nodes) queues nothing new. The text is rendered when queued (zh-CN), so a send needs no lookups.
-- address is the email address, or the webhook's id for a webhook. A sender claims due rows by leasing
-- them (locked_until) so that two nodes never send the same row at once.
create table outbound_message (
    id              bigint generated always as identity primary key,
    channel         text        not null check (channel in ('EMAIL', 'WEBHOOK')),
    address         text        not null,
    webhook_id      bigint references webhook (id) on delete cascade,
    task_id         bigint,
    kind            text        not null,
    dedupe_key      text        not null,
    subject         text        not null,
    body            text        not null,
    link            text,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    locked_until    timestamptz,
    last_error      text,
    sent_at         timestamptz,
    created_at      timestamptz not null,
    unique (channel, address, dedupe_key),
    check ((channel = 'WEBHOOK') = (webhook_id is not null))
);
create index outbound_message_due_idx on outbound_message (next_attempt_at) where status = 'PENDING';
create index outbound_message_webhook_idx on outbound_message (webhook_id, id desc) where webhook_id is not null;
