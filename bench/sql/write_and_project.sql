\set u random(0, 999)
\set s random(0, 19)
\set d random(5, 120)
-- one write as the stack runs it, one transaction per service: the log and its outbox row ...
WITH ins AS (INSERT INTO practice_logs(skill_id, user_id, date_practiced, duration, description, difficulty_rating, confidence_rating) VALUES (uid(1000000 + :u * 20 + :s), uid(:u), now() - random() * interval '30 days', :d, 'Practiced scales and arpeggios, focused on tempo and clean transitions', 3, 4) RETURNING *) INSERT INTO outbox(aggregate_id, event_type, payload) SELECT ins.id, 'practice-log.created.v1', json_build_object('id', ins.id, 'user_id', ins.user_id, 'skill_id', ins.skill_id, 'duration', ins.duration, 'difficulty_rating', ins.difficulty_rating, 'confidence_rating', ins.confidence_rating, 'date_practiced', ins.date_practiced)::text FROM ins;
-- ... evidence's projection of it ...
INSERT INTO known_logs(id, user_id, skill_id, date_practiced, version, deleted) VALUES (gen_random_uuid(), uid(:u), uid(1000000 + :u * 20 + :s), now(), 1, false) ON CONFLICT (id) DO UPDATE SET date_practiced = excluded.date_practiced, version = excluded.version, deleted = excluded.deleted WHERE known_logs.version < excluded.version;
-- ... and progress's: the fact, its day, the skill's figures and the event of what moved
BEGIN;
INSERT INTO log_facts(log_id, user_id, skill_id, date_practiced, local_date, minutes, difficulty, confidence, version, deleted, changed_at) VALUES (gen_random_uuid(), uid(:u), uid(1000000 + :u * 20 + :s), now(), current_date, :d, 3, 4, 1, false, now()) ON CONFLICT (log_id) DO UPDATE SET minutes = excluded.minutes, version = excluded.version, deleted = excluded.deleted, changed_at = excluded.changed_at WHERE log_facts.version < excluded.version;
INSERT INTO skill_days(skill_id, local_date, sessions, minutes) VALUES (uid(1000000 + :u * 20 + :s), current_date, 1, :d) ON CONFLICT (skill_id, local_date) DO UPDATE SET sessions = skill_days.sessions + 1, minutes = skill_days.minutes + excluded.minutes;
INSERT INTO skill_progress(skill_id, user_id, total_sessions, total_minutes, last_practiced, updated_at) VALUES (uid(1000000 + :u * 20 + :s), uid(:u), 1, :d, now(), now()) ON CONFLICT (skill_id) DO UPDATE SET total_sessions = skill_progress.total_sessions + 1, total_minutes = skill_progress.total_minutes + excluded.total_minutes, last_practiced = greatest(skill_progress.last_practiced, excluded.last_practiced), updated_at = now();
INSERT INTO outbox(aggregate_id, event_type, payload) VALUES (uid(1000000 + :u * 20 + :s), 'skill-progress.changed.v1', json_build_object('skill_id', uid(1000000 + :u * 20 + :s), 'user_id', uid(:u), 'total_sessions', 1, 'total_minutes', :d::int)::text);
COMMIT;
