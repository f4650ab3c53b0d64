-- A skill's type (the skill-deconstruction spec); a roadmap's difficulty lives in its JSON document.
alter table skills add column skill_type text check (skill_type in ('physical', 'abstract'));

-- Milestones by status (a roadmap's open ones) and by completion time (what a user completed lately).
create index milestone_progress_status_idx on milestone_progress (skill_id, status);
create index milestone_progress_completed_idx on milestone_progress (user_id, completed_at desc) where completed_at is not null;
