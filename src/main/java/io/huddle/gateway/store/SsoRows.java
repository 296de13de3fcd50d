package io.huddle.gateway.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** SQL and row mapping for single sign-on: the attempts under way and the links of provider subjects to users. */
final class SsoRows {

    /** What {@link #attempt} reads; taking an attempt is the dialect's ({@link SqlDialect#takeSsoAttempt}). */
    static final String ATTEMPT_COLUMNS = "state_digest, tenant, issuer, nonce, redirect_uri, expires_at";
    static final String INSERT_ATTEMPT = "INSERT INTO sso_attempts (" + ATTEMPT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";

    /** A new user only, bound like {@link AccountRows#UPSERT_USER}: an id or user name taken fails. */
    static final String INSERT_USER = """
            INSERT INTO users (id, tenant, domain, username, display_name, roles, password_hash, platform_user_id,
                               active, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'oidc')""";

    static final String LINK_COLUMNS = "tenant, issuer, subject, user_id, created_at_sign_in, linked_at";
    static final String INSERT_LINK = "INSERT INTO user_links (" + LINK_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
    static final String FIND_LINK = "SELECT " + LINK_COLUMNS
            + " FROM user_links WHERE tenant = ? AND issuer = ? AND subject = ?";
    static final String FIND_LINK_OF_USER = "SELECT " + LINK_COLUMNS + " FROM user_links WHERE user_id = ? AND issuer = ?";

    private SsoRows() {
    }

    static void bindAttempt(PreparedStatement ps, SsoAttempt a) throws SQLException {
        SqliteJdbc.setText(ps, 1, a.stateDigest());
        SqliteJdbc.setText(ps, 2, a.tenant());
        SqliteJdbc.setText(ps, 3, a.issuer());
        SqliteJdbc.setText(ps, 4, a.nonce());
        SqliteJdbc.setText(ps, 5, a.redirectUri());
        SqliteJdbc.setInstant(ps, 6, a.expiresAt());
    }

    static SsoAttempt attempt(ResultSet rs) throws SQLException {
        return new SsoAttempt(rs.getString("state_digest"), rs.getString("tenant"), rs.getString("issuer"),
                rs.getString("nonce"), rs.getString("redirect_uri"), SqliteJdbc.getInstant(rs, "expires_at"));
    }

    static void bindLink(PreparedStatement ps, UserLink link) throws SQLException {
        SqliteJdbc.setText(ps, 1, link.tenant());
        SqliteJdbc.setText(ps, 2, link.issuer());
        SqliteJdbc.setText(ps, 3, link.subject());
        SqliteJdbc.setText(ps, 4, link.userId());
        SqliteJdbc.setBoolean(ps, 5, link.createdAtSignIn());
        SqliteJdbc.setInstant(ps, 6, link.linkedAt());
    }

    static UserLink link(ResultSet rs) throws SQLException {
        return new UserLink(rs.getString("tenant"), rs.getString("issuer"), rs.getString("subject"),
                rs.getString("user_id"), SqliteJdbc.getBoolean(rs, "created_at_sign_in"),
                SqliteJdbc.getInstant(rs, "linked_at"));
    }
}
