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
        Jdbc.setText(ps, 1, a.stateDigest());
        Jdbc.setText(ps, 2, a.tenant());
        Jdbc.setText(ps, 3, a.issuer());
        Jdbc.setText(ps, 4, a.nonce());
        Jdbc.setText(ps, 5, a.redirectUri());
        Jdbc.setInstant(ps, 6, a.expiresAt());
    }

    static SsoAttempt attempt(ResultSet rs) throws SQLException {
        return new SsoAttempt(rs.getString("state_digest"), rs.getString("tenant"), rs.getString("issuer"),
                rs.getString("nonce"), rs.getString("redirect_uri"), Jdbc.getInstant(rs, "expires_at"));
    }

    static void bindLink(PreparedStatement ps, UserLink link) throws SQLException {
        Jdbc.setText(ps, 1, link.tenant());
        Jdbc.setText(ps, 2, link.issuer());
        Jdbc.setText(ps, 3, link.subject());
        Jdbc.setText(ps, 4, link.userId());
        Jdbc.setBoolean(ps, 5, link.createdAtSignIn());
        Jdbc.setInstant(ps, 6, link.linkedAt());
    }

    static UserLink link(ResultSet rs) throws SQLException {
        return new UserLink(rs.getString("tenant"), rs.getString("issuer"), rs.getString("subject"),
                rs.getString("user_id"), Jdbc.getBoolean(rs, "created_at_sign_in"),
                Jdbc.getInstant(rs, "linked_at"));
    }
}
