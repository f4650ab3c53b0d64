-- Skills: the root of a user's data. Names are unique per user, case-insensitively.
create table skills (
    id           uuid primary key,
    user_id      uuid        not null,
    name         text        not null,
    description  text,
    category     text,
    target_hours integer,
    tags         text[]      not null default '{}',
    roadmap      jsonb,
    version      bigint      not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);

create unique index skills_user_name_key on skills (user_id, lower(name));
-- the list: newest first, keyset on (created_at, id)
create index skills_user_created_idx on skills (user_id, created_at desc, id desc);
-- ?tag= filter: tags @> array[tag]
create index skills_tags_idx on skills using gin (tags);
