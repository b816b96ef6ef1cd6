-- Views the units module publishes as its API (jOOQ generates them into org.rectify.units.api). Other modules join
-- these, never units' tables: the unit's name and place in the tree for scope filters ("within this subtree" is a
-- range on path) and display. A plain view over one table: PostgreSQL inlines it, the plans stay the same.
create view units_directory as
select id, parent_id, name, level, type, path, sort_order, valid_from, valid_to
from unit;

-- People as tasks name them (the responsible person), and unit groups as an assignment names them (各县区党委、政府).
create view units_person as
select id, name, post, unit_id, phone
from person;

create view units_group as
select id, name
from unit_group;
