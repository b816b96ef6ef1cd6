-- Which office a circular belongs to: the unit whose office drafted it. Drafts are read, edited, published and
-- deleted only by that unit's office and supervision office (and those of units above it); a published circular
-- is circulated to everyone. Existing drafts go to the unit that runs their plan, else to the unit whose name
-- they were issued under.
alter table circular add column owner_unit_id bigint references unit (id);

update circular c set owner_unit_id = p.owner_unit_id from plan p where p.id = c.plan_id;
update circular c set owner_unit_id = (select u.id from unit u where u.name = c.issuer_unit order by u.path limit 1)
 where c.owner_unit_id is null;

create index circular_owner_idx on circular (owner_unit_id);
