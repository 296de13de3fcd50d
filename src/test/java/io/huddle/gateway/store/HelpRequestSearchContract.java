package io.huddle.gateway.store;

import static io.huddle.gateway.store.StoreFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.domain.DomainException;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A contract of every store engine: run on SQLite by {@link SqliteHelpRequestSearchTest}
 * and on PostgreSQL by {@link PostgresHelpRequestSearchTest}.
 */
abstract class HelpRequestSearchContract {

    /** Opens the engine's store on this test's database: again after a close, on the same rows. */
    abstract GatewayStore openStore();

    private static final Comparator<HelpRequest> BY_KEY =
            Comparator.comparing(HelpRequest::createdAt).thenComparing(HelpRequest::id);

    private GatewayStore store;
    private final List<HelpRequest> acmeSales = new ArrayList<>();

    /** 250 acme/sales requests (statuses, agents and helpers cycling, 3 per second) and look-alikes elsewhere. */
    @BeforeEach
    void open() {
        store = openStore();
        List<HelpRequest> all = new ArrayList<>();
        for (int n = 0; n < 250; n++) {
            HelpRequestStatus status = HelpRequestStatus.values()[n % 4];
            Instant created = at(n / 3);
            HelpRequest r = StoreFixtures.helpRequest(String.format("h-%03d", n), "acme", "sales", status,
                    "a" + n % 5, "s" + n % 3, created);
            acmeSales.add(r);
            all.add(r);
            all.add(StoreFixtures.helpRequest("dom-" + n, "acme", "support", status, r.agentId(), "s" + n % 3,
                    created));
            all.add(StoreFixtures.helpRequest("ten-" + n, "globex", "sales", status, r.agentId(), "s" + n % 3,
                    created));
        }
        Collections.shuffle(all, new Random(11));
        store.saveAll(all, List.of(), List.of());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void withoutFiltersReturnsOnlyTheTenantAndDomainOldestFirst() {
        List<HelpRequest> found = store.searchHelpRequests(query(null, null, null, null, null, 500, null)).items();
        assertThat(found).containsExactlyElementsOf(expected(r -> true));
        assertThat(store.searchHelpRequests(new HelpRequestQuery("globex", "support", null, null, null, null, null,
                500, null)).items()).isEmpty();
        assertThat(store.searchHelpRequests(new HelpRequestQuery("acme", "support", null, null, null, null, null,
                500, null)).items()).hasSize(250).allSatisfy(r -> assertThat(r.domain()).isEqualTo("support"));
    }

    @Test
    void filtersByStatus() {
        for (HelpRequestStatus status : HelpRequestStatus.values()) {
            assertThat(store.searchHelpRequests(query(status, null, null, null, null, 500, null)).items())
                    .as("status %s", status).isNotEmpty()
                    .containsExactlyElementsOf(expected(r -> r.status() == status));
        }
    }

    @Test
    void filtersByAgent() {
        assertThat(store.searchHelpRequests(query(null, "a2", null, null, null, 500, null)).items())
                .hasSize(50).containsExactlyElementsOf(expected(r -> r.agentId().equals("a2")));
    }

    @Test
    void filtersByHelper() {
        // only accepted requests (IN_PROGRESS, CLOSED) have a helper
        assertThat(store.searchHelpRequests(query(null, null, "s1", null, null, 500, null)).items())
                .isNotEmpty().containsExactlyElementsOf(expected(r -> "s1".equals(r.helpProvidedBy())))
                .allSatisfy(r -> assertThat(r.status()).isIn(HelpRequestStatus.IN_PROGRESS, HelpRequestStatus.CLOSED));
    }

    @Test
    void fromIsInclusiveAndToIsExclusive() {
        Instant from = at(10);
        Instant to = at(20);
        List<HelpRequest> found = store.searchHelpRequests(query(null, null, null, from, to, 500, null)).items();

        assertThat(found).hasSize(30).containsExactlyElementsOf(
                expected(r -> !r.createdAt().isBefore(from) && r.createdAt().isBefore(to)));
        assertThat(found.get(0).createdAt()).isEqualTo(from);
        assertThat(found).noneMatch(r -> r.createdAt().equals(to));
        assertThat(store.searchHelpRequests(query(null, null, null, from.plusMillis(1), from.plusSeconds(1), 500,
                null)).items()).isEmpty();
    }

    @Test
    void pagesWalkEveryRequestOnce() {
        List<HelpRequest> walked = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            Page<HelpRequest> page = store.searchHelpRequests(query(null, null, null, null, null, 100, cursor));
            walked.addAll(page.items());
            sizes.add(page.items().size());
            cursor = page.nextCursor();
        } while (cursor != null && sizes.size() < 10);

        assertThat(sizes).containsExactly(100, 100, 50);
        assertThat(walked).doesNotHaveDuplicates().containsExactlyElementsOf(expected(r -> true));
    }

    @Test
    void pagesOfAFilteredSearch() {
        List<HelpRequest> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<HelpRequest> page = store.searchHelpRequests(query(HelpRequestStatus.CLOSED, null, null, null,
                    null, 7, cursor));
            walked.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 100);

        assertThat(pages).isEqualTo(9);
        assertThat(walked).doesNotHaveDuplicates()
                .containsExactlyElementsOf(expected(r -> r.status() == HelpRequestStatus.CLOSED));
    }

    @Test
    void limitDefaultsAndClamps() {
        assertThat(store.searchHelpRequests(query(null, null, null, null, null, 0, null)).items()).hasSize(100);
        assertThat(store.searchHelpRequests(query(null, null, null, null, null, -1, null)).items()).hasSize(100);
        assertThat(store.searchHelpRequests(query(null, null, null, null, null, 1, null)).items()).hasSize(1);
    }

    @Test
    void aMalformedCursorIsABadRequest() {
        assertThatThrownBy(() -> store.searchHelpRequests(query(null, null, null, null, null, 10, "bogus!")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.BAD_REQUEST))
                .hasMessage("cursor is not valid");
    }

    private List<HelpRequest> expected(Predicate<HelpRequest> filter) {
        return acmeSales.stream().filter(filter).sorted(BY_KEY).toList();
    }

    private HelpRequestQuery query(HelpRequestStatus status, String agentId, String helper, Instant from,
                                   Instant to, int limit, String cursor) {
        return new HelpRequestQuery("acme", "sales", status, agentId, helper, from, to, limit, cursor);
    }
}
