package io.huddle.gateway.store;

/** A storage failure; the write it reports did not happen. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the write failed because a row with the same key or unique value exists: made meanwhile by someone else
     * (another admin, provisioning, another gateway on the same database) after the checks before the write passed.
     * PostgreSQL says so by SQLState 23505, SQLite by its constraint message.
     */
    public boolean alreadyExists() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException e) {
                String m = e.getMessage() == null ? "" : e.getMessage();
                if ("23505".equals(e.getSQLState()) || m.contains("UNIQUE constraint failed")
                        || m.contains("PRIMARY KEY constraint failed")) {
                    return true;
                }
            }
        }
        return false;
    }
}
