package io.huddle.journal;

import io.huddle.protocol.JournalChain;
import io.huddle.protocol.JournalEntry;
import io.huddle.protocol.JournalRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * An existing journal file opened for reading (verification and export), entry by entry in seq order,
 * so a journal of any size is read in constant memory. May be read while a console writes to it.
 */
public final class JournalFile implements AutoCloseable {
    private final Path file;
    private final Connection connection;

    private JournalFile(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static JournalFile open(Path file) {
        return new JournalFile(file, JournalStore.open(file, false));
    }

    public Path path() {
        return file;
    }

    public String deviceId() {
        return meta("device_id");
    }

    /** What the gateway acknowledged, as this file remembers it; null when nothing was acknowledged. */
    public JournalChain.Anchor acknowledged() {
        String seq = meta(Journal.ACKED_SEQ);
        return seq == null ? null : new JournalChain.Anchor(Long.parseLong(seq), meta(Journal.ACKED_HASH));
    }

    /**
     * Reads the entries whose client time is in [from, to) (either may be null), in seq order, and hands them
     * to {@code reader}; the iterator is valid only during the call.
     */
    public <T> T read(Instant from, Instant to, Function<Iterator<JournalEntry>, T> reader) {
        String sql = "SELECT " + JournalStore.COLUMNS + " FROM entries WHERE client_time >= ? AND client_time < ?"
                + " ORDER BY seq";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, from == null ? Long.MIN_VALUE : from.toEpochMilli());
            ps.setLong(2, to == null ? Long.MAX_VALUE : to.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                return reader.apply(new Rows(rs));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private String meta(String key) {
        try {
            return JournalStore.meta(connection, key);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private JournalException failure(SQLException e) {
        return new JournalException("cannot read the journal " + file + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        JournalStore.closeQuietly(connection, null);
    }

    private final class Rows implements Iterator<JournalEntry> {
        private final ResultSet rs;
        private Boolean ready;

        Rows(ResultSet rs) {
            this.rs = rs;
        }

        @Override
        public boolean hasNext() {
            if (ready == null) {
                try {
                    ready = rs.next();
                } catch (SQLException e) {
                    throw failure(e);
                }
            }
            return ready;
        }

        @Override
        public JournalEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ready = null;
            try {
                return JournalRows.entry(rs);
            } catch (SQLException e) {
                throw failure(e);
            }
        }
    }
}
