package io.huddle.gateway.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** docs/operations.md as the tests read it: which metric names it documents. */
final class OperationsDoc {
    static final Path FILE = Path.of("docs", "operations.md");

    private OperationsDoc() {
    }

    static String text() {
        try {
            return Files.readString(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The names among {@code series} that the document does not name in backticks, itself or as the family of a
     * histogram's or summary's {@code _bucket}, {@code _count}, {@code _sum} or {@code _max} series.
     */
    static Set<String> undocumented(Collection<String> series) {
        String doc = text();
        Set<String> missing = new TreeSet<>();
        for (String name : series) {
            String family = name.replaceFirst("_(bucket|count|sum|max)$", "");
            if (!doc.contains("`" + name + "`") && !doc.contains("`" + family + "`")) {
                missing.add(name);
            }
        }
        return missing;
    }
}
