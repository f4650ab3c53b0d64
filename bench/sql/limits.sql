-- The machine's own limits for the benchmarks: the same kinds of statement our services run, with
-- nothing of our code in the way, on the same PostgreSQL. Created fresh by each bench run.
DROP DATABASE IF EXISTS limits;
CREATE DATABASE limits;
\c limits
CREATE OR REPLACE FUNCTION uid(n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n),12,'0'))::uuid $$;

-- P1: insert target and its outbox, with the indexes our practice_logs has
CREATE TABLE practice_logs(
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  skill_id uuid NOT NULL, user_id uuid NOT NULL,
  date_practiced timestamptz NOT NULL, duration int NOT NULL,
  description text, difficulty_rating smallint, confidence_rating smallint,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX ON practice_logs(user_id, date_practiced DESC, id DESC);
CREATE INDEX ON practice_logs(skill_id, date_practiced DESC, id DESC);
CREATE INDEX ON practice_logs(date_practiced);
CREATE TABLE outbox(
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  aggregate_id uuid NOT NULL, event_type text NOT NULL,
  payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());

-- P3 and P6: 1M rows, 1000 users x 20 skills
CREATE TABLE practice_logs_big (LIKE practice_logs INCLUDING ALL);
INSERT INTO practice_logs_big(id, skill_id, user_id, date_practiced, duration, description, difficulty_rating, confidence_rating)
SELECT uid(i), uid(1000000 + (i % 1000)*20 + (i/1000)%20), uid(i % 1000),
       now() - random() * interval '730 days', 5 + (random()*115)::int,
       'Practiced scales and arpeggios, focused on tempo and clean transitions #' || i,
       1 + (random()*4)::int, 1 + (random()*4)::int
FROM generate_series(0, 999999) i;
VACUUM ANALYZE practice_logs_big;

-- P8: what the consumers write for each log, with the keys and checks their tables have: evidence's
-- known log, progress's fact, day and figures, and the outbox row of what progress derives
CREATE TABLE known_logs(
  id uuid PRIMARY KEY, user_id uuid NOT NULL, skill_id uuid NOT NULL,
  date_practiced timestamptz NOT NULL, version bigint NOT NULL, deleted boolean NOT NULL);
CREATE TABLE log_facts(
  log_id uuid PRIMARY KEY, user_id uuid NOT NULL, skill_id uuid NOT NULL,
  date_practiced timestamptz NOT NULL, local_date date NOT NULL, minutes int NOT NULL,
  difficulty smallint, confidence smallint, version bigint NOT NULL, deleted boolean NOT NULL, changed_at timestamptz NOT NULL);
CREATE INDEX ON log_facts(skill_id, local_date);
CREATE INDEX ON log_facts(user_id, local_date);
CREATE TABLE skill_days(
  skill_id uuid NOT NULL, local_date date NOT NULL, sessions int NOT NULL, minutes int NOT NULL,
  PRIMARY KEY (skill_id, local_date));
CREATE TABLE skill_progress(
  skill_id uuid PRIMARY KEY, user_id uuid NOT NULL, total_sessions int NOT NULL, total_minutes bigint NOT NULL,
  last_practiced timestamptz, updated_at timestamptz NOT NULL);
