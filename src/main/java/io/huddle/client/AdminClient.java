package io.huddle.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.huddle.protocol.AdminChangeDto;
import io.huddle.protocol.AdminUserDto;
import io.huddle.protocol.DomainDto;
import io.huddle.protocol.ListBody;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The administration endpoints of a gateway (docs/identity.md): domains, users and the audit of administration,
 * as a signed-in admin. Owns its HTTP client: {@link #close()} stops it.
 */
public final class AdminClient implements AutoCloseable {
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final TypeFactory TYPES = Http.JSON.getTypeFactory();

    private final SignedIn session;
    private final Http http;

    public AdminClient(SignedIn session) {
        this.session = session;
        this.http = new Http(session.base(), GatewayClient.CONNECT_TIMEOUT, GatewayClient.READ_TIMEOUT);
    }

    public List<DomainDto> domains() {
        ListBody<DomainDto> page = http.exchange(get("admin/domains", null), listOf(DomainDto.class));
        return page.items();
    }

    public DomainDto createDomain(String name) {
        return http.exchange(send("POST", "admin/domains", Map.of("name", name)),
                TYPES.constructType(DomainDto.class));
    }

    /** One page of users; {@code query} holds q, domain, role, active, limit and cursor (null values left out). */
    public ListBody<AdminUserDto> users(Map<String, String> query) {
        return http.exchange(get("admin/users", query), listOf(AdminUserDto.class));
    }

    public AdminUserDto user(String id) {
        return http.exchange(get("admin/users/" + segment(id), null), TYPES.constructType(AdminUserDto.class));
    }

    /** Creates a user from the fields of docs/identity.md (a null value is sent as null). */
    public AdminUserDto createUser(Map<String, Object> fields) {
        return http.exchange(send("POST", "admin/users", fields), TYPES.constructType(AdminUserDto.class));
    }

    /** Changes the fields given; a field mapped to null is sent as null (for a password: removes it). */
    public AdminUserDto updateUser(String id, Map<String, Object> fields) {
        return http.exchange(send("PATCH", "admin/users/" + segment(id), fields),
                TYPES.constructType(AdminUserDto.class));
    }

    /** One page of the audit of administration; {@code query} as the endpoint's parameters. */
    public ListBody<AdminChangeDto> audit(Map<String, String> query) {
        return http.exchange(get("admin/audit", query), listOf(AdminChangeDto.class));
    }

    private Request get(String path, Map<String, String> query) {
        return Http.request(http.url(path, query), session.token()).get().build();
    }

    private Request send(String method, String path, Object body) {
        byte[] bytes;
        try {
            bytes = Http.JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the request cannot be written as JSON", e);
        }
        return Http.request(http.url(path, null), session.token()).method(method, RequestBody.create(bytes, JSON_TYPE))
                .build();
    }

    private static JavaType listOf(Class<?> item) {
        return TYPES.constructParametricType(ListBody.class, item);
    }

    private static String segment(String id) {
        if (id == null || id.isBlank() || id.contains("/")) {
            throw new IllegalArgumentException("not a user id: '" + id + "'");
        }
        return id;
    }

    @Override
    public void close() {
        http.close();
    }
}
