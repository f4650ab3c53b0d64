-- When an item sorts in its skill's chronology: its session's date, or its own creation for
-- evidence of the skill itself. Kept current when a log's date changes.
alter table evidence add column sort_at timestamptz;
update evidence set sort_at = created_at;
alter table evidence alter column sort_at set not null;
drop index evidence_skill_idx;
create index evidence_skill_chronology_idx on evidence (user_id, skill_id, sort_at, id);
create index evidence_user_created_idx on evidence (user_id, created_at desc, id desc);

-- What this service knows of skills and practice logs, from their events (or their services).
create table known_skills (
    id      uuid primary key,
    user_id uuid    not null,
    version bigint  not null,
    deleted boolean not null default false
);
create index known_skills_user_idx on known_skills (user_id);

create table known_logs (
    id             uuid primary key,
    user_id        uuid        not null,
    skill_id       uuid        not null,
    date_practiced timestamptz not null,
    version        bigint      not null,
    deleted        boolean     not null default false
);
create index known_logs_user_idx on known_logs (user_id);
