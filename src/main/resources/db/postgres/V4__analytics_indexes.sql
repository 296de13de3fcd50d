-- Analytics (docs/analytics.md): the reason of an action's help request, read from an index by the request's id,
-- for the interventions grouped or filtered by reason (SQLite: help_requests_reason, schema version 11).
--
-- SQLite's version 11 also widens help_requests_analytics with the names the groups are labelled with and the
-- "escalated" condition. It is not done here: the condition reads the escalations JSON, which PostgreSQL can
-- neither INCLUDE as an expression nor take from an index in an index-only scan, so the rows are read for it
-- either way and the wider index would only cost writes.
CREATE INDEX help_requests_reason ON help_requests (id) INCLUDE (reason);
