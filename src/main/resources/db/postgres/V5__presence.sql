-- Who is on shift, as each gateway instance sees it: a supervisor with an open console stream on it, and what
-- they chose (available, busy, away). Every instance writes its own rows every few seconds and reads everyone's;
-- a row not renewed for a while (its instance is gone) no longer counts (docs/deployment.md, "Instances").
CREATE TABLE presence (
    user_id  TEXT        NOT NULL,
    instance TEXT        NOT NULL,
    presence TEXT        NOT NULL,
    seen_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, instance)
);
