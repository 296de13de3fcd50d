package io.huddle.gateway.store;

import static io.huddle.gateway.store.StoreFixtures.T0;
import static io.huddle.gateway.store.StoreFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.domain.ActionType;
import io.huddle.domain.DomainException;
import io.huddle.domain.SupervisorAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A contract of every store engine: run on SQLite by {@link SqliteActionSearchTest}
 * and on PostgreSQL by {@link PostgresActionSearchTest}.
 */
abstract class ActionSearchContract {

    /** Opens the engine's store on this test's database: again after a close, on the same rows. */
    abstract GatewayStore openStore();

    private static final Comparator<SupervisorAction> BY_KEY =
            Comparator.comparing(SupervisorAction::startedAt).thenComparing(SupervisorAction::id);

    private GatewayStore store;
    private final List<SupervisorAction> acmeSales = new ArrayList<>();

    /**
     * 120 acme/sales actions whose attributes cycle independently, several per second so the time ties are
     * broken by id, saved in random order; plus look-alike rows in another domain and another tenant.
     */
    @BeforeEach
    void open() {
        store = openStore();
        List<SupervisorAction> all = new ArrayList<>();
        for (int n = 0; n < 120; n++) {
            SupervisorAction a = StoreFixtures.action(String.format("x-%03d", n), "acme", "sales",
                    ActionType.values()[n % 4], "s" + n % 3, "a" + n % 5, "i-" + n % 7,
                    n % 2 == 0 ? null : "h-" + n % 6, at(n / 4));
            acmeSales.add(a);
            all.add(a);
            all.add(StoreFixtures.action("other-domain-" + n, "acme", "support", a.action(), a.supervisorId(),
                    a.agentId(), a.interactionId(), a.helpRequestId(), a.startedAt()));
            all.add(StoreFixtures.action("other-tenant-" + n, "globex", "sales", a.action(), a.supervisorId(),
                    a.agentId(), a.interactionId(), a.helpRequestId(), a.startedAt()));
        }
        Collections.shuffle(all, new Random(7));
        store.saveAll(List.of(), all, List.of());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void withoutFiltersReturnsTheTenantAndDomainOnlyOldestFirst() {
        Page<SupervisorAction> page = store.searchActions(query(null, null, null, null, null, null, null));
        assertThat(page.items()).containsExactlyElementsOf(expected(a -> true));
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void otherTenantsAndDomainsAreNeverReturned() {
        assertThat(store.searchActions(new ActionQuery("acme", "support", null, null, null, null, null, null, null,
                500, null)).items()).hasSize(120).allSatisfy(a -> assertThat(a.domain()).isEqualTo("support"));
        assertThat(store.searchActions(new ActionQuery("globex", "sales", "s1", null, null, null, null, null, null,
                500, null)).items()).isNotEmpty().allSatisfy(a -> assertThat(a.tenant()).isEqualTo("globex"));
        assertThat(store.searchActions(new ActionQuery("globex", "support", null, null, null, null, null, null,
                null, 500, null)).items()).isEmpty();
        assertThat(store.searchActions(new ActionQuery("initech", "sales", null, null, null, null, null, null,
                null, 500, null)).items()).isEmpty();
    }

    @Test
    void filtersBySupervisor() {
        assertThat(store.searchActions(query("s1", null, null, null, null, null, null)).items())
                .hasSize(40).containsExactlyElementsOf(expected(a -> a.supervisorId().equals("s1")));
    }

    @Test
    void filtersByAgent() {
        assertThat(store.searchActions(query(null, "a3", null, null, null, null, null)).items())
                .hasSize(24).containsExactlyElementsOf(expected(a -> a.agentId().equals("a3")));
    }

    @Test
    void filtersByInteraction() {
        assertThat(store.searchActions(query(null, null, "i-4", null, null, null, null)).items())
                .isNotEmpty().containsExactlyElementsOf(expected(a -> a.interactionId().equals("i-4")));
    }

    @Test
    void filtersByHelpRequest() {
        assertThat(store.searchActions(query(null, null, null, "h-5", null, null, null)).items())
                .isNotEmpty().containsExactlyElementsOf(expected(a -> "h-5".equals(a.helpRequestId())));
    }

    @Test
    void filtersByActionType() {
        assertThat(store.searchActions(query(null, null, null, null, ActionType.BARGE_IN, null, null)).items())
                .hasSize(30).containsExactlyElementsOf(expected(a -> a.action() == ActionType.BARGE_IN));
    }

    @Test
    void combinesFilters() {
        assertThat(store.searchActions(query("s0", "a0", null, null, ActionType.MONITOR, null, null)).items())
                .isNotEmpty().containsExactlyElementsOf(expected(a -> a.supervisorId().equals("s0")
                        && a.agentId().equals("a0") && a.action() == ActionType.MONITOR));
        assertThat(store.searchActions(query("s0", "nobody", null, null, null, null, null)).items()).isEmpty();
    }

    @Test
    void fromIsInclusiveAndToIsExclusive() {
        Instant from = at(5);
        Instant to = at(9);
        List<SupervisorAction> found = store.searchActions(query(null, null, null, null, null, from, to)).items();

        assertThat(found).hasSize(16).containsExactlyElementsOf(
                expected(a -> !a.startedAt().isBefore(from) && a.startedAt().isBefore(to)));
        assertThat(found.get(0).startedAt()).isEqualTo(from);
        assertThat(found.get(found.size() - 1).startedAt()).isEqualTo(at(8));
    }

    @Test
    void boundariesAreExactToTheMillisecond() {
        store.saveAction(StoreFixtures.action("edge-from", "acme", "edges", ActionType.COACH, "s", "a", "i", null,
                T0));
        store.saveAction(StoreFixtures.action("edge-before", "acme", "edges", ActionType.COACH, "s", "a", "i", null,
                T0.minusMillis(1)));
        store.saveAction(StoreFixtures.action("edge-last", "acme", "edges", ActionType.COACH, "s", "a", "i", null,
                at(10).minusMillis(1)));
        store.saveAction(StoreFixtures.action("edge-to", "acme", "edges", ActionType.COACH, "s", "a", "i", null,
                at(10)));

        assertThat(store.searchActions(new ActionQuery("acme", "edges", null, null, null, null, null, T0, at(10), 0,
                null)).items()).extracting(SupervisorAction::id).containsExactly("edge-from", "edge-last");
        assertThat(store.searchActions(new ActionQuery("acme", "edges", null, null, null, null, null, null, T0, 0,
                null)).items()).extracting(SupervisorAction::id).containsExactly("edge-before");
        assertThat(store.searchActions(new ActionQuery("acme", "edges", null, null, null, null, null, at(10), null,
                0, null)).items()).extracting(SupervisorAction::id).containsExactly("edge-to");
    }

    @Test
    void pagesWalkEveryItemOnceInOrder() {
        List<SupervisorAction> expected = new ArrayList<>(acmeSales);
        List<SupervisorAction> extra = new ArrayList<>();
        for (int n = 120; n < 250; n++) {
            extra.add(StoreFixtures.action(String.format("x-%03d", n), at(n / 4)));
        }
        store.saveAll(List.of(), extra, List.of());
        expected.addAll(extra);
        expected.sort(BY_KEY);

        List<Page<SupervisorAction>> pages = walk(query(null, null, null, null, null, null, null), 100);

        assertThat(pages).extracting(p -> p.items().size()).containsExactly(100, 100, 50);
        assertThat(pages.get(0).nextCursor()).isNotNull();
        assertThat(pages.get(1).nextCursor()).isNotNull();
        assertThat(pages.get(2).nextCursor()).isNull();
        List<SupervisorAction> walked = pages.stream().flatMap(p -> p.items().stream()).toList();
        assertThat(walked).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
    }

    @Test
    void pagesOfAFilteredSearchWithTiesAtThePageEdges() {
        // the supervisor's 40 actions fall 1-2 per second; pages of 3 cut through equal start times
        List<Page<SupervisorAction>> pages = walk(query("s2", null, null, null, null, null, null), 3);
        List<SupervisorAction> walked = pages.stream().flatMap(p -> p.items().stream()).toList();

        assertThat(pages).hasSize(14);
        assertThat(walked).doesNotHaveDuplicates()
                .containsExactlyElementsOf(expected(a -> a.supervisorId().equals("s2")));
    }

    @Test
    void aPageExactlyFullHasNoNextCursor() {
        Page<SupervisorAction> page = store.searchActions(new ActionQuery("acme", "sales", "s1", null, null, null,
                null, null, null, 40, null));
        assertThat(page.items()).hasSize(40);
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void limitIsClampedBetweenOneAndFiveHundred() {
        List<SupervisorAction> more = new ArrayList<>();
        for (int n = 0; n < 500; n++) {
            more.add(StoreFixtures.action(String.format("y-%03d", n), at(100 + n)));
        }
        store.saveAll(List.of(), more, List.of());

        assertThat(store.searchActions(query(0)).items()).hasSize(100);
        assertThat(store.searchActions(query(-3)).items()).hasSize(100);
        assertThat(store.searchActions(query(1)).items()).hasSize(1);
        assertThat(store.searchActions(query(250)).items()).hasSize(250);
        assertThat(store.searchActions(query(500)).items()).hasSize(500);
        Page<SupervisorAction> capped = store.searchActions(query(10_000));
        assertThat(capped.items()).hasSize(500);
        assertThat(capped.nextCursor()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64 !", "%%%", "MTIzNDU", "OmlkLTE", "MTIzOg", "YWJjOmlkLTE",
            "MS41OmlkLTE", "OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk6aWQtMQ", "_w"})
    void aMalformedCursorIsABadRequest(String cursor) {
        ActionQuery q = new ActionQuery("acme", "sales", null, null, null, null, null, null, null, 10, cursor);
        assertThatThrownBy(() -> store.searchActions(q))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.BAD_REQUEST))
                .hasMessage("cursor is not valid");
    }

    @Test
    void aMissingTenantOrDomainIsAProgrammingError() {
        assertThatThrownBy(() -> store.searchActions(new ActionQuery(null, "sales", null, null, null, null, null,
                null, null, 10, null))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.searchActions(new ActionQuery("acme", null, null, null, null, null, null,
                null, null, 10, null))).isInstanceOf(NullPointerException.class);
    }

    private List<Page<SupervisorAction>> walk(ActionQuery first, int limit) {
        List<Page<SupervisorAction>> pages = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        do {
            Page<SupervisorAction> page = store.searchActions(new ActionQuery(first.tenant(), first.domain(),
                    first.supervisorId(), first.agentId(), first.interactionId(), first.helpRequestId(),
                    first.action(), first.from(), first.to(), limit, cursor));
            pages.add(page);
            cursor = page.nextCursor();
            assertThat(cursor == null || cursors.add(cursor)).as("cursor repeats: %s", cursor).isTrue();
        } while (cursor != null && pages.size() < 1000);
        return pages;
    }

    private List<SupervisorAction> expected(Predicate<SupervisorAction> filter) {
        return acmeSales.stream().filter(filter).sorted(BY_KEY).toList();
    }

    private ActionQuery query(String supervisorId, String agentId, String interactionId, String helpRequestId,
                              ActionType action, Instant from, Instant to) {
        return new ActionQuery("acme", "sales", supervisorId, agentId, interactionId, helpRequestId, action, from,
                to, 500, null);
    }

    private ActionQuery query(int limit) {
        return new ActionQuery("acme", "sales", null, null, null, null, null, null, null, limit, null);
    }
}
