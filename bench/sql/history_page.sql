\set u random(0, 999)
SELECT * FROM practice_logs_big WHERE user_id = uid(:u) ORDER BY date_practiced DESC, id DESC LIMIT 51;
