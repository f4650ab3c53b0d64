-- Hibernate binds tag filters as varchar[]; PostgreSQL has no text[] @> varchar[] operator.
alter table skills alter column tags type varchar(50)[];
