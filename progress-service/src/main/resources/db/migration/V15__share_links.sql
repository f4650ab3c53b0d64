-- Share links (POST /progress/share-links): a capability URL for one of the owner's SVGs, served
-- without a bearer token at /public/progress/{token}.svg while the link exists. The token is 256
-- random bits (base64url); deleting the link, or erasing its owner, revokes it.
create table share_links (
    id         uuid primary key,
    user_id    uuid        not null,
    token      text        not null unique,
    kind       text        not null check (kind in ('badge', 'calendar')),
    skill_id   uuid,
    created_at timestamptz not null,
    check ((kind = 'calendar') = (skill_id is not null))
);
create index share_links_user_idx on share_links (user_id, created_at);
