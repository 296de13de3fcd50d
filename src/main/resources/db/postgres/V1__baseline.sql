-- The gateway store on PostgreSQL: the same tables as the SQLite store at its schema version 10.
-- Instants are epoch milliseconds (bigint), enums their names, lists and settings JSON (jsonb). Text sorts and
-- compares byte by byte (COLLATE "C"), as in SQLite, whatever the database's collation: ids and names page alike.
-- To change the schema, add a new V<n>__<what>.sql: never edit one that has shipped.

CREATE TABLE tenants (
    tenant             text COLLATE "C" NOT NULL PRIMARY KEY,
    monitoring_enabled boolean          NOT NULL,
    monitored_channels jsonb            NOT NULL,
    help_reasons       jsonb            NOT NULL,
    store_message_text boolean          NOT NULL,
    escalation         jsonb
);

CREATE TABLE users (
    id               text COLLATE "C" NOT NULL PRIMARY KEY,
    tenant           text COLLATE "C" NOT NULL,
    domain           text COLLATE "C" NOT NULL,
    username         text COLLATE "C" NOT NULL,
    display_name     text COLLATE "C",
    roles            jsonb            NOT NULL,
    password_hash    text COLLATE "C",
    platform_user_id text COLLATE "C",
    active           boolean          NOT NULL DEFAULT true,
    source           text COLLATE "C" DEFAULT 'local',
    UNIQUE (tenant, username)
);
CREATE UNIQUE INDEX users_platform_id ON users (tenant, platform_user_id) WHERE platform_user_id IS NOT NULL;
CREATE INDEX users_domain ON users (tenant, domain);
-- SCIM's userName and the administration's search compare user names ignoring case
CREATE INDEX users_username_lower ON users (tenant, lower(username));

CREATE TABLE sessions (
    token_digest text COLLATE "C" NOT NULL PRIMARY KEY,
    user_id      text COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at   bigint           NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE interactions (
    id             text COLLATE "C" NOT NULL PRIMARY KEY,
    tenant         text COLLATE "C" NOT NULL,
    domain         text COLLATE "C" NOT NULL,
    channel        text COLLATE "C" NOT NULL,
    agent_id       text COLLATE "C",
    agent_name     text COLLATE "C",
    customer_name  text COLLATE "C",
    queue          text COLLATE "C",
    started_at     bigint           NOT NULL,
    state          text COLLATE "C" NOT NULL,
    help_requested boolean          NOT NULL,
    participants   jsonb            NOT NULL,
    ended_at       bigint,
    platform_id    text COLLATE "C"
);
CREATE INDEX interactions_live ON interactions (started_at, id) WHERE state <> 'ENDED';
CREATE UNIQUE INDEX interactions_platform_id ON interactions (tenant, platform_id) WHERE platform_id IS NOT NULL;
CREATE INDEX interactions_scope ON interactions (tenant, domain, started_at) INCLUDE (channel, queue, agent_id);

CREATE TABLE help_requests (
    id                    text COLLATE "C" NOT NULL PRIMARY KEY,
    tenant                text COLLATE "C" NOT NULL,
    domain                text COLLATE "C" NOT NULL,
    interaction_id        text COLLATE "C",
    agent_id              text COLLATE "C",
    agent_name            text COLLATE "C",
    status                text COLLATE "C" NOT NULL,
    reason                text COLLATE "C",
    comment               text COLLATE "C",
    assigned_to           jsonb            NOT NULL,
    help_provided_by      text COLLATE "C",
    help_provided_by_name text COLLATE "C",
    created_at            bigint           NOT NULL,
    accepted_at           bigint,
    closed_at             bigint,
    cancelled_at          bigint,
    end_reason            text COLLATE "C",
    escalations           jsonb            NOT NULL DEFAULT '[]'
);
CREATE INDEX help_requests_scope ON help_requests (tenant, domain, created_at, id);
CREATE INDEX help_requests_status ON help_requests (tenant, domain, status, created_at, id);
CREATE INDEX help_requests_agent ON help_requests (tenant, domain, agent_id, created_at, id);
CREATE INDEX help_requests_helper ON help_requests (tenant, domain, help_provided_by, created_at, id);
CREATE INDEX help_requests_interaction ON help_requests (interaction_id);
CREATE INDEX help_requests_open ON help_requests (created_at, id) WHERE status IN ('PENDING', 'IN_PROGRESS');

CREATE TABLE actions (
    id              text COLLATE "C" NOT NULL PRIMARY KEY,
    tenant          text COLLATE "C" NOT NULL,
    domain          text COLLATE "C" NOT NULL,
    action          text COLLATE "C" NOT NULL,
    supervisor_id   text COLLATE "C",
    agent_id        text COLLATE "C",
    interaction_id  text COLLATE "C",
    help_request_id text COLLATE "C",
    started_at      bigint           NOT NULL,
    ended_at        bigint
);
CREATE INDEX actions_scope ON actions (tenant, domain, started_at, id);
CREATE INDEX actions_supervisor ON actions (tenant, domain, supervisor_id, started_at, id);
CREATE INDEX actions_agent ON actions (tenant, domain, agent_id, started_at, id);
CREATE INDEX actions_interaction ON actions (interaction_id, tenant, domain, started_at, id);
CREATE INDEX actions_help_request ON actions (help_request_id, tenant, domain, started_at, id);
CREATE INDEX actions_open ON actions (started_at) WHERE ended_at IS NULL;
CREATE INDEX actions_interaction_mode ON actions (interaction_id, tenant, domain, action, supervisor_id, started_at);

CREATE TABLE journal_devices (
    device_id     text COLLATE "C" NOT NULL PRIMARY KEY,
    tenant        text COLLATE "C" NOT NULL,
    domain        text COLLATE "C" NOT NULL,
    supervisor_id text COLLATE "C" NOT NULL,
    highest_seq   bigint           NOT NULL,
    highest_hash  text COLLATE "C" NOT NULL,
    updated_at    bigint           NOT NULL
);
CREATE INDEX journal_devices_scope ON journal_devices (tenant, domain, device_id);

CREATE TABLE journal_entries (
    device_id       text COLLATE "C" NOT NULL,
    seq             bigint           NOT NULL,
    id              text COLLATE "C" NOT NULL UNIQUE,
    format          integer          NOT NULL,
    tenant          text COLLATE "C" NOT NULL,
    domain          text COLLATE "C" NOT NULL,
    supervisor_id   text COLLATE "C" NOT NULL,
    agent_id        text COLLATE "C",
    interaction_id  text COLLATE "C",
    help_request_id text COLLATE "C",
    action          text COLLATE "C" NOT NULL,
    phase           text COLLATE "C" NOT NULL,
    intent_id       text COLLATE "C",
    client_time     bigint           NOT NULL,
    gateway_time    bigint,
    outcome         text COLLATE "C",
    gateway_ref     text COLLATE "C",
    error_code      text COLLATE "C",
    detail          text COLLATE "C",
    text_digest     text COLLATE "C",
    text            text COLLATE "C",
    prev_hash       text COLLATE "C" NOT NULL,
    hash            text COLLATE "C" NOT NULL,
    received_at     bigint           NOT NULL,
    PRIMARY KEY (device_id, seq)
);
CREATE INDEX journal_scope ON journal_entries (tenant, domain, client_time, id);
CREATE INDEX journal_supervisor ON journal_entries (tenant, domain, supervisor_id, client_time, id);
CREATE INDEX journal_agent ON journal_entries (tenant, domain, agent_id, client_time, id);
CREATE INDEX journal_interaction ON journal_entries (interaction_id, tenant, domain, client_time, id);
CREATE INDEX journal_help_request ON journal_entries (help_request_id, tenant, domain, client_time, id);

CREATE TABLE platform_connections (
    tenant           text COLLATE "C" PRIMARY KEY,
    call_control_url text COLLATE "C",
    secret           text COLLATE "C",
    secret_set_at    bigint
);

CREATE TABLE platform_events (
    tenant      text COLLATE "C" NOT NULL,
    event_id    text COLLATE "C" NOT NULL,
    received_at bigint           NOT NULL,
    PRIMARY KEY (tenant, event_id)
);
CREATE INDEX platform_events_age ON platform_events (received_at);

CREATE TABLE identity_settings (
    tenant   text COLLATE "C" NOT NULL PRIMARY KEY,
    settings jsonb            NOT NULL
);

CREATE TABLE admin_changes (
    id          text COLLATE "C" NOT NULL PRIMARY KEY,
    tenant      text COLLATE "C" NOT NULL,
    at          bigint           NOT NULL,
    actor_id    text COLLATE "C",
    actor_name  text COLLATE "C",
    action      text COLLATE "C" NOT NULL,
    target_type text COLLATE "C",
    target_id   text COLLATE "C",
    detail      text COLLATE "C"
);
CREATE INDEX admin_changes_scope ON admin_changes (tenant, at, id);
CREATE INDEX admin_changes_actor ON admin_changes (tenant, actor_id, at, id);
CREATE INDEX admin_changes_target ON admin_changes (tenant, target_id, at, id);

CREATE TABLE tenant_domains (
    tenant text COLLATE "C" NOT NULL,
    name   text COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant, name)
);

CREATE TABLE scim_tokens (
    id           text COLLATE "C" NOT NULL PRIMARY KEY,
    tenant       text COLLATE "C" NOT NULL,
    name         text COLLATE "C" NOT NULL,
    token_digest text COLLATE "C" NOT NULL UNIQUE,
    created_at   bigint           NOT NULL,
    created_by   text COLLATE "C",
    last_used_at bigint
);
CREATE INDEX scim_tokens_tenant ON scim_tokens (tenant, created_at, id);

CREATE TABLE scim_users (
    user_id     text COLLATE "C" NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    tenant      text COLLATE "C" NOT NULL,
    external_id text COLLATE "C",
    managed     boolean          NOT NULL
);
CREATE INDEX scim_users_external ON scim_users (tenant, external_id);

CREATE TABLE scim_groups (
    id           text COLLATE "C" NOT NULL PRIMARY KEY,
    tenant       text COLLATE "C" NOT NULL,
    display_name text COLLATE "C" NOT NULL,
    external_id  text COLLATE "C",
    created_at   bigint           NOT NULL,
    updated_at   bigint           NOT NULL,
    UNIQUE (tenant, display_name)
);
CREATE INDEX scim_groups_name_lower ON scim_groups (tenant, lower(display_name));

CREATE TABLE scim_group_members (
    group_id text COLLATE "C" NOT NULL REFERENCES scim_groups (id) ON DELETE CASCADE,
    user_id  text COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX scim_group_members_user ON scim_group_members (user_id, group_id);

CREATE TABLE sso_attempts (
    state_digest text COLLATE "C" NOT NULL PRIMARY KEY,
    tenant       text COLLATE "C" NOT NULL,
    issuer       text COLLATE "C" NOT NULL,
    nonce        text COLLATE "C" NOT NULL,
    redirect_uri text COLLATE "C" NOT NULL,
    expires_at   bigint           NOT NULL
);
CREATE INDEX sso_attempts_expiry ON sso_attempts (expires_at);

CREATE TABLE user_links (
    tenant             text COLLATE "C" NOT NULL,
    issuer             text COLLATE "C" NOT NULL,
    subject            text COLLATE "C" NOT NULL,
    user_id            text COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at_sign_in boolean          NOT NULL,
    linked_at          bigint           NOT NULL,
    PRIMARY KEY (tenant, issuer, subject)
);
CREATE UNIQUE INDEX user_links_user ON user_links (user_id, issuer);

-- analytics (docs/analytics.md): the scope and range lead, the columns added up ride along, so a range is
-- read from the index alone where the visibility map allows
CREATE INDEX help_requests_analytics ON help_requests (tenant, domain, created_at)
    INCLUDE (status, accepted_at, cancelled_at, closed_at, agent_id, reason, help_provided_by, interaction_id);
CREATE INDEX actions_analytics ON actions (tenant, domain, started_at)
    INCLUDE (action, ended_at, supervisor_id, agent_id, interaction_id, help_request_id);
