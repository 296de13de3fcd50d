package io.huddle.gateway.http;

import static io.huddle.protocol.Csv.cell;

import io.huddle.protocol.HelpRequestAnalyticsDto;
import io.huddle.protocol.InterventionAnalyticsDto;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The analytics answers as CSV: one line per group, then the total (its {@code row} cell says which). Small
 * (at most a few hundred groups), so built in memory. Cells a spreadsheet would run as a formula are defused.
 */
final class AnalyticsCsv {
    static final String HELP_HEADER = "row,groupBy,key,label,requests,closed,cancelled,open,cancelRate,accepted,"
            + "timeToAcceptP50Seconds,timeToAcceptP90Seconds,timeToAcceptMaxSeconds,withinServiceLevel,breaches,"
            + "escalated,agents,requestsPerAgent";
    static final String INTERVENTION_HEADER = "row,groupBy,key,label,monitorCount,monitorSeconds,monitorMeanSeconds,"
            + "coachCount,coachSeconds,coachMeanSeconds,bargeInCount,bargeInSeconds,bargeInMeanSeconds,"
            + "monitorToBarge,interactions,interactionsWithAction,interactionShare";

    private AnalyticsCsv() {
    }

    static String helpRequests(HelpRequestAnalyticsDto a) {
        List<String> lines = new ArrayList<>();
        lines.add(HELP_HEADER);
        a.groups().forEach(f -> lines.add(help("group", a.groupBy(), f)));
        lines.add(help("total", a.groupBy(), a.total()));
        return String.join("\r\n", lines) + "\r\n";
    }

    static String interventions(InterventionAnalyticsDto a) {
        List<String> lines = new ArrayList<>();
        lines.add(INTERVENTION_HEADER);
        a.groups().forEach(f -> lines.add(intervention("group", a.groupBy(), f)));
        lines.add(intervention("total", a.groupBy(), a.total()));
        return String.join("\r\n", lines) + "\r\n";
    }

    static void write(Context ctx, String file, String csv) {
        ctx.status(200).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").result(csv);
    }

    private static String help(String row, String groupBy, HelpRequestAnalyticsDto.Figures f) {
        return String.join(",", row, groupBy, cell(f.key()), cell(f.label()), n(f.requests()), n(f.closed()),
                n(f.cancelled()), n(f.open()), n(f.cancelRate()), n(f.accepted()), n(f.timeToAcceptP50Seconds()),
                n(f.timeToAcceptP90Seconds()), n(f.timeToAcceptMaxSeconds()), n(f.withinServiceLevel()),
                n(f.breaches()), n(f.escalated()), n(f.agents()), n(f.requestsPerAgent()));
    }

    private static String intervention(String row, String groupBy, InterventionAnalyticsDto.Figures f) {
        return String.join(",", row, groupBy, cell(f.key()), cell(f.label()), mode(f.monitor()), mode(f.coach()),
                mode(f.bargeIn()), n(f.monitorToBarge()), n(f.interactions()), n(f.interactionsWithAction()),
                n(f.interactionShare()));
    }

    private static String mode(InterventionAnalyticsDto.Mode m) {
        return String.join(",", n(m.count()), n(m.totalSeconds()), n(m.meanSeconds()));
    }

    /** A number as JSON writes it; empty for null. */
    private static String n(Number v) {
        return v == null ? "" : v.toString();
    }
}
