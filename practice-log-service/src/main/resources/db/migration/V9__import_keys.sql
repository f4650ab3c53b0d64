-- A log imported from another tracker keeps its key there (source and natural key, e.g.
-- "toggl:<email>|<start>|<project>"): importing the same entries again skips those still here.
alter table practice_logs add column import_key text;
create unique index practice_logs_import_key_idx on practice_logs (user_id, import_key) where import_key is not null;
