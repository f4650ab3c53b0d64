\set u random(0, 999)
\set s random(0, 19)
\set d random(5, 120)
WITH ins AS (INSERT INTO practice_logs(skill_id, user_id, date_practiced, duration, description, difficulty_rating, confidence_rating) VALUES (uid(1000000 + :u * 20 + :s), uid(:u), now() - random() * interval '30 days', :d, 'Practiced scales and arpeggios, focused on tempo and clean transitions', 3, 4) RETURNING *) INSERT INTO outbox(aggregate_id, event_type, payload) SELECT ins.id, 'practice-log.created.v1', json_build_object('id', ins.id, 'user_id', ins.user_id, 'skill_id', ins.skill_id, 'duration', ins.duration, 'difficulty_rating', ins.difficulty_rating, 'confidence_rating', ins.confidence_rating, 'date_practiced', ins.date_practiced)::text FROM ins;
