-- Evidence of learning: links, notes and screenshot metadata (never file bytes).
create table evidence (
    id              uuid primary key,
    user_id         uuid        not null,
    skill_id        uuid        not null,
    practice_log_id uuid,
    type            text        not null check (type in ('link', 'note', 'screenshot')),
    url             text,
    text            text,
    file            jsonb,
    version         bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
-- a skill's evidence, grouped by session, chronological; a log's evidence
create index evidence_skill_idx on evidence (user_id, skill_id, created_at, id);
create index evidence_log_idx on evidence (practice_log_id) where practice_log_id is not null;
