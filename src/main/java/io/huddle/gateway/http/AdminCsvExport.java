package io.huddle.gateway.http;

import static io.huddle.protocol.Csv.cell;

import io.huddle.domain.AdminChange;
import io.huddle.domain.User;
import io.huddle.gateway.admin.AdminService;
import io.huddle.gateway.store.AdminChangeQuery;
import io.huddle.gateway.store.Page;
import io.huddle.protocol.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Writes every change of the audit of administration that matches a search as CSV, page by page, as {@link CsvExport}. */
final class AdminCsvExport {
    static final String HEADER = "id,at,actorId,actorName,action,targetType,targetId,detail";

    private final AdminService admin;

    AdminCsvExport(AdminService admin) {
        this.admin = admin;
    }

    void write(Context ctx, User user, AdminChangeQuery first) {
        Page<AdminChange> page = admin.audit(user, withPage(first, null)); // refused before the answer begins
        ctx.status(200).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"huddle-admin-audit.csv\"");
        try {
            Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
            out.write(HEADER);
            out.write("\r\n");
            while (true) {
                for (AdminChange c : page.items()) {
                    out.write(row(c));
                }
                if (page.nextCursor() == null) {
                    break;
                }
                page = admin.audit(user, withPage(first, page.nextCursor()));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("CSV export of the audit of administration could not be written", e);
        }
    }

    static String row(AdminChange c) {
        return String.join(",", cell(c.id()), cell(Json.format(c.at())), cell(c.actorId()), cell(c.actorName()),
                cell(c.action()), cell(c.targetType()), cell(c.targetId()), cell(c.detail())) + "\r\n";
    }

    private static AdminChangeQuery withPage(AdminChangeQuery q, String cursor) {
        return new AdminChangeQuery(q.tenant(), q.actorId(), q.action(), q.targetId(), q.from(), q.to(), 500, cursor);
    }
}
