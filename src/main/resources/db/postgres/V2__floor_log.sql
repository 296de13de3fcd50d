-- The floor log: every change of a tenant's live floor, numbered per tenant without gaps, so that several
-- gateways on this database keep the same floor (docs/deployment.md, "Several instances").
-- floor_log_head holds each tenant's last number; a change locks its row for the length of its transaction,
-- so the changes of one tenant commit one at a time and in the order of their numbers.
CREATE TABLE floor_log_head (
    tenant TEXT PRIMARY KEY,
    seq    BIGINT NOT NULL
);

CREATE TABLE floor_log (
    tenant   TEXT        NOT NULL,
    seq      BIGINT      NOT NULL,
    at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    instance TEXT        NOT NULL,
    ops      JSONB       NOT NULL,
    PRIMARY KEY (tenant, seq)
);

CREATE INDEX floor_log_at ON floor_log (at);
