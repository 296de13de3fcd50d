-- Each stream command that changed the floor, with the floor log entry it committed with and, once sent, its
-- answer: a copy of the command re-sent to any instance is answered from here and never applied twice.
-- Kept ten minutes, as long as a client may re-send (docs/protocol.md, "Commands").
CREATE TABLE command_replies (
    user_id    TEXT        NOT NULL,
    command_id TEXT        NOT NULL,
    seq        BIGINT      NOT NULL,
    frame      TEXT,
    at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, command_id)
);

CREATE INDEX command_replies_at ON command_replies (at);
