package io.huddle.gateway.store;

import static io.huddle.gateway.store.StoreFixtures.action;
import static io.huddle.gateway.store.StoreFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.domain.SupervisorAction;
import io.huddle.domain.User;
import java.nio.file.Path;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads run on their own connections: a write held open inside its transaction does not hold them up. */
class SqliteReadsBesideWritesTest {
    private static final ActionQuery ALL = new ActionQuery("acme", "sales", null, null, null, null, null, null, null,
            100, null);

    @TempDir
    Path dir;
    SqliteGatewayStore store;
    final ExecutorService writer = Executors.newSingleThreadExecutor();
    final ExecutorService reader = Executors.newSingleThreadExecutor();
    final CountDownLatch insideTheWrite = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void open() {
        store = SqliteGatewayStore.open(dir.resolve("gateway.db"));
        store.saveUser(StoreFixtures.user("u1", "acme", "sue"), "hash");
        store.saveSession("digest-1", "u1", Instant.parse("2099-01-01T00:00:00Z"));
        store.saveAction(action("committed", at(0)));
    }

    @AfterEach
    void close() throws InterruptedException {
        release.countDown();
        writer.shutdown();
        reader.shutdown();
        assertThat(writer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(reader.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        store.close();
    }

    /**
     * A batch whose second item is handed over only when the test says so: the writer is then inside its
     * transaction, with the first item written and not committed, for as long as the test likes.
     */
    private List<SupervisorAction> batchThatWaitsAfterItsFirstItem() {
        List<SupervisorAction> items = List.of(action("pending-1", at(10)), action("pending-2", at(20)));
        return new AbstractList<>() {
            @Override
            public SupervisorAction get(int index) {
                if (index == 1) {
                    insideTheWrite.countDown();
                    try {
                        assertThat(release.await(30, TimeUnit.SECONDS)).as("released by the test").isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                return items.get(index);
            }

            @Override
            public int size() {
                return items.size();
            }
        };
    }

    @Test
    void searchesAndSessionChecksCompleteWhileAWriteIsHeldInsideItsTransaction() throws Exception {
        Future<?> write = writer.submit(() -> store.saveAll(List.of(), batchThatWaitsAfterItsFirstItem(), List.of()));
        assertThat(insideTheWrite.await(10, TimeUnit.SECONDS)).as("the writer is inside its transaction").isTrue();

        Future<List<String>> search = reader.submit(() -> ids(store.searchActions(ALL)));
        assertThat(search.get(10, TimeUnit.SECONDS)).as("the last commit, not the write in progress")
                .containsExactly("committed");
        Future<Optional<User>> session = reader.submit(() -> store.sessionUser("digest-1", at(0))
                .flatMap(store::findUserById));
        assertThat(session.get(10, TimeUnit.SECONDS)).map(User::username).contains("sue");
        assertThat(write.isDone()).as("the write is still held").isFalse();

        release.countDown();
        write.get(10, TimeUnit.SECONDS);
        assertThat(ids(store.searchActions(ALL))).as("a read after the commit sees it")
                .containsExactly("committed", "pending-1", "pending-2");
    }

    @Test
    void aReadAfterCloseIsAStoreExceptionSayingSo() {
        store.close();
        assertThatThrownBy(() -> store.searchActions(ALL)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is closed");
    }

    private static List<String> ids(Page<SupervisorAction> page) {
        return page.items().stream().map(SupervisorAction::id).toList();
    }
}
