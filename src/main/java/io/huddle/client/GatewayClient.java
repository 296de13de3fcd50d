package io.huddle.client;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.huddle.domain.Controls;
import io.huddle.domain.TenantSettings;
import io.huddle.protocol.ActionDto;
import io.huddle.protocol.HelpRequestAnalyticsDto;
import io.huddle.protocol.InterventionAnalyticsDto;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.JournalBatch;
import io.huddle.protocol.JournalHead;
import io.huddle.protocol.ListBody;
import io.huddle.protocol.TranscriptLineDto;
import io.huddle.protocol.UserDto;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The gateway's REST API for one signed-in user. Blocking: call it off the UI thread. Thread-safe.
 * Refusals throw {@link GatewayException}; network failures throw {@link GatewayUnreachableException}.
 * Owns an HTTP client; {@link #close()} releases it.
 */
public final class GatewayClient implements AutoCloseable {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final TypeFactory TYPES = Http.JSON.getTypeFactory();

    private final SignedIn session;
    private final Http http;

    public GatewayClient(SignedIn session) {
        this(session, CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    public GatewayClient(SignedIn session, Duration connectTimeout, Duration readTimeout) {
        this.session = session;
        this.http = new Http(session.base(), connectTimeout, readTimeout);
    }

    /** Signs in; the password array is not kept (the request body holding it is wiped after the call). */
    public static SignedIn signIn(URI base, String tenant, String username, char[] password) {
        return signIn(base, tenant, username, password, CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    public static SignedIn signIn(URI base, String tenant, String username, char[] password,
                                  Duration connectTimeout, Duration readTimeout) {
        byte[] body = signInBody(tenant, username, password);
        try (Http http = new Http(base, connectTimeout, readTimeout)) {
            Request request = Http.request(http.url("sessions", null), null)
                    .post(RequestBody.create(body, JSON_TYPE, 0, body.length)).build();
            return session(base, http.exchange(request, TYPES.constructType(JsonNode.class)));
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /** The gateway's answer to a sign-in (a password's or a single sign-on's) as a session. */
    static SignedIn session(URI base, JsonNode answer) {
        return new SignedIn(base, answer.path("token").asText(),
                Http.JSON.convertValue(answer.get("expiresAt"), Instant.class),
                Http.JSON.convertValue(answer.get("user"), UserDto.class));
    }

    private static byte[] signInBody(String tenant, String username, char[] password) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Http.JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("tenant", tenant);
            g.writeStringField("username", username);
            g.writeFieldName("password");
            g.writeString(password, 0, password.length);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public SignedIn session() {
        return session;
    }

    public UserDto me() {
        return get("me", null, TYPES.constructType(UserDto.class));
    }

    public TenantSettings settings() {
        return get("tenant/settings", null, TYPES.constructType(TenantSettings.class));
    }

    /** The live interactions this user may see. */
    public List<InteractionDto> interactions() {
        ListBody<InteractionDto> page = get("interactions", null, listOf(InteractionDto.class));
        return page.items();
    }

    public InteractionDto interaction(String id) {
        return get("interactions/" + segment(id), null, TYPES.constructType(InteractionDto.class));
    }

    /** Which call controls this user may use on the interaction now, and why not. */
    public Controls controls(String interactionId) {
        return get("interactions/" + segment(interactionId) + "/controls", null, TYPES.constructType(Controls.class));
    }

    public List<TranscriptLineDto> transcript(String interactionId) {
        ListBody<TranscriptLineDto> page = get("interactions/" + segment(interactionId) + "/transcript", null,
                listOf(TranscriptLineDto.class));
        return page.items();
    }

    /** One page of help-request history; pass {@code nextCursor} back with {@code withCursor} for the next. */
    public ListBody<HelpRequestDto> helpRequests(HelpRequestFilter filter) {
        return get("help-requests", filter.query(), listOf(HelpRequestDto.class));
    }

    public HelpRequestDto helpRequest(String id) {
        return get("help-requests/" + segment(id), null, TYPES.constructType(HelpRequestDto.class));
    }

    /** An agent asks for help on one of their interactions ({@code comment} may be null). */
    public HelpRequestDto raiseHelp(String interactionId, String reason, String comment) {
        java.util.Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("interactionId", interactionId);
        body.put("reason", reason);
        body.put("comment", comment);
        return postJson("help-requests", body, HelpRequestDto.class);
    }

    /** The agent cancels their pending request. */
    public HelpRequestDto cancelHelp(String helpRequestId) {
        return postJson("help-requests/" + segment(helpRequestId) + "/cancel", null, HelpRequestDto.class);
    }

    /** The agent closes their request in progress. */
    public HelpRequestDto closeHelp(String helpRequestId) {
        return postJson("help-requests/" + segment(helpRequestId) + "/close", null, HelpRequestDto.class);
    }

    /** One page of the audit log; pass {@code nextCursor} back with {@code withCursor} for the next. */
    public ListBody<ActionDto> searchActions(ActionFilter filter) {
        return get("actions", filter.query(), listOf(ActionDto.class));
    }

    /**
     * Downloads every action matching the filter (all pages) as CSV into {@code target}. The file appears
     * complete or not at all: the download goes to a temporary file next to it that is then moved into
     * place. Returns the number of bytes written.
     */
    public long exportActionsCsv(ActionFilter filter, Path target) {
        Request request = Http.request(http.url("actions", filter.withCursor(null).withLimit(null).query()),
                session.token()).header("Accept", "text/csv").get().build();
        return new CsvDownload(http).download(request, target);
    }

    /** Help-request figures (docs/analytics.md) of the signed-in user's tenant and domain. */
    public HelpRequestAnalyticsDto helpRequestAnalytics(AnalyticsFilter filter) {
        Request request = Http.request(http.urlWith("analytics/help-requests", filter.query()), session.token()).get()
                .build();
        return http.exchange(request, TYPES.constructType(HelpRequestAnalyticsDto.class));
    }

    /** Intervention figures (docs/analytics.md) of the signed-in user's tenant and domain. */
    public InterventionAnalyticsDto interventionAnalytics(AnalyticsFilter filter) {
        Request request = Http.request(http.urlWith("analytics/interventions", filter.query()), session.token()).get()
                .build();
        return http.exchange(request, TYPES.constructType(InterventionAnalyticsDto.class));
    }

    /**
     * Downloads the help-request figures as CSV into {@code target} (whole or not at all); answers the bytes
     * written.
     */
    public long exportHelpRequestAnalyticsCsv(AnalyticsFilter filter, Path target) {
        Request request = Http.request(http.urlWith("analytics/help-requests", filter.query()), session.token())
                .header("Accept", "text/csv").get().build();
        return new CsvDownload(http).download(request, target);
    }

    /** Uploads a batch of this supervisor's journal; answers what the gateway now holds of the device. */
    public JournalHead postJournalBatch(JournalBatch batch) {
        byte[] body;
        try {
            body = Http.JSON.writeValueAsBytes(batch);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the journal batch cannot be written as JSON", e);
        }
        Request request = Http.request(http.url("journal/batches", null), session.token())
                .post(RequestBody.create(body, JSON_TYPE)).build();
        return http.exchange(request, TYPES.constructType(JournalHead.class));
    }

    /** What the gateway holds of a journal device; a {@link GatewayException} 404 when nothing. */
    public JournalHead journalHead(String deviceId) {
        return get("journal/devices/" + segment(deviceId), null, TYPES.constructType(JournalHead.class));
    }

    /** Ends this sign-in; open streams of it close with 4001. */
    public void signOut() {
        http.exchange(Http.request(http.url("sessions/current", null), session.token()).delete().build(), null);
    }

    private <T> T postJson(String path, Object body, Class<T> answer) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : Http.JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the request cannot be written as JSON", e);
        }
        Request request = Http.request(http.url(path, null), session.token())
                .post(RequestBody.create(bytes, JSON_TYPE)).build();
        return http.exchange(request, TYPES.constructType(answer));
    }

    private <T> T get(String path, Map<String, String> query, JavaType type) {
        return http.exchange(Http.request(http.url(path, query), session.token()).get().build(), type);
    }

    private static JavaType listOf(Class<?> item) {
        return TYPES.constructParametricType(ListBody.class, item);
    }

    private static String segment(String id) {
        if (id == null || id.isBlank() || id.contains("/")) {
            throw new IllegalArgumentException("not an id: '" + id + "'");
        }
        return id;
    }

    @Override
    public void close() {
        http.close();
    }
}
