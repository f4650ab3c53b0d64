-- Backlog batches of different partitions now write side by side (they share the writers' lock):
-- each marking adds its time here instead of updating one row, which made each batch wait for the
-- other's commit. The recompute of the marked skills and users empties it.
alter table stale_marked drop column singleton;
