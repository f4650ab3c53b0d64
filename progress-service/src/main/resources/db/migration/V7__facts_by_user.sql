-- A user's erasure reads and deletes their facts by user_id, whatever their deleted flag. The partial
-- index of V1 (user_id, local_date) where not deleted could serve none of those statements (none says
-- "not deleted"), so each erasure read the whole table, and no query ever used it: every fact written
-- paid for an index nothing read. An index on the user alone serves them all.
drop index log_facts_user_day_idx;
create index log_facts_user_idx on log_facts (user_id);
