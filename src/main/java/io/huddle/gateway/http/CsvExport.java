package io.huddle.gateway.http;

import static io.huddle.protocol.Csv.cell;

import io.huddle.domain.SupervisorAction;
import io.huddle.gateway.store.ActionQuery;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.gateway.store.Page;
import io.huddle.protocol.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes every action that matches an audit search as CSV, page by page, so a day of a large floor
 * streams without being held in memory. Cells that a spreadsheet would run as a formula are defused.
 */
final class CsvExport {
    static final String HEADER = "id,action,supervisorId,agentId,interactionId,helpRequestId,startedAt,endedAt";

    private final GatewayStore store;

    CsvExport(GatewayStore store) {
        this.store = store;
    }

    void write(Context ctx, ActionQuery first) {
        ctx.status(200).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"huddle-actions.csv\"");
        try {
            Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
            out.write(HEADER);
            out.write("\r\n");
            ActionQuery q = withPage(first, 500, null);
            while (true) {
                Page<SupervisorAction> page = store.searchActions(q);
                for (SupervisorAction a : page.items()) {
                    out.write(row(a));
                }
                if (page.nextCursor() == null) {
                    break;
                }
                q = withPage(first, 500, page.nextCursor());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("CSV export could not be written", e);
        }
    }

    static String row(SupervisorAction a) {
        return String.join(",", cell(a.id()), cell(a.action().name()), cell(a.supervisorId()), cell(a.agentId()),
                cell(a.interactionId()), cell(a.helpRequestId()), cell(Json.format(a.startedAt())),
                cell(Json.format(a.endedAt()))) + "\r\n";
    }

    private static ActionQuery withPage(ActionQuery q, int limit, String cursor) {
        return new ActionQuery(q.tenant(), q.domain(), q.supervisorId(), q.agentId(), q.interactionId(),
                q.helpRequestId(), q.action(), q.from(), q.to(), limit, cursor);
    }
}
