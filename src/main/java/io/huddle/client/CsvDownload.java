package io.huddle.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Streams a download to a file that appears complete or not at all: the bytes go to a temporary file next
 * to the target, which is then moved into place (atomically where the file system can).
 */
final class CsvDownload {
    private final Http http;

    CsvDownload(Http http) {
        this.http = http;
    }

    long download(Request request, Path target) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try (Response r = http.execute(request)) {
            if (!r.isSuccessful()) {
                throw Http.error(r.code(), readBody(r));
            }
            temp = createTemp(dir, target);
            long bytes = copy(r, temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("the export could not be written to " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: a stray .part file is harmless
                }
            }
        }
    }

    private String readBody(Response r) {
        try {
            return r.body().string();
        } catch (IOException e) {
            throw http.unreachable(e);
        }
    }

    private static Path createTemp(Path dir, Path target) throws IOException {
        Files.createDirectories(dir);
        return Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
    }

    /** Copies the body to the file: a failed read is the network's fault, a failed write the disk's. */
    private long copy(Response r, Path temp) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = r.body().byteStream(); OutputStream out = Files.newOutputStream(temp)) {
            while (true) {
                int n;
                try {
                    n = in.read(buf);
                } catch (IOException e) {
                    throw http.unreachable(e);
                }
                if (n < 0) {
                    return total;
                }
                out.write(buf, 0, n);
                total += n;
            }
        }
    }
}
