-- A plan's short name (临沧2018), so a task named outside its plan says which plan it is in: 临沧2018·二(一).
alter table plan add column short_name text;
alter table plan add constraint plan_short_name_length check (short_name is null or char_length(short_name) between 1 and 16);
