-- The catalogue of practice templates (practice modes): admin-managed, adopted into users' skills.
create table templates (
    slug          text        primary key check (slug ~ '^[a-z0-9-]{1,100}$'),
    name          text        not null check (char_length(name) between 1 and 255),
    tagline       text        check (char_length(tagline) <= 255),
    description   text        check (char_length(description) <= 5000),
    skill_type    text        check (skill_type in ('physical', 'abstract')),
    roadmap       jsonb,
    tags          jsonb       not null default '{"items": []}',
    display_order integer     not null default 0,
    is_active     boolean     not null default false,
    adoptions     bigint      not null default 0 check (adoptions >= 0),
    version       bigint      not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create index templates_catalogue_idx on templates (display_order, name) where is_active;

-- The template a skill was adopted from; no foreign key: deleting a template leaves its skills intact.
alter table skills add column template_slug text;
