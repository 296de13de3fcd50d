package io.huddle.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run's table for a person and its results.json for tools. */
final class Report {
    private final String size;
    private final String startedAt;
    private final Map<String, Object> machine;
    private final String loadAtStart;
    private String loadAtEnd;
    private final List<BenchResult> results;

    Report(String size, String startedAt, Map<String, Object> machine, String loadAtStart, List<BenchResult> results) {
        this.size = size;
        this.startedAt = startedAt;
        this.machine = machine;
        this.loadAtStart = loadAtStart;
        this.results = results;
    }

    void finish(String loadAtEnd) {
        this.loadAtEnd = loadAtEnd;
    }

    void print(PrintWriter out) {
        out.println();
        out.printf("Huddle benchmarks, size %s, started %s%n", size, startedAt);
        out.printf("machine: %s, %s cores, %s GiB; %s; %s; heap max %s MiB; %s%n", machine.get("cpu"),
                machine.get("cores"), machine.get("memoryGiB"), machine.get("os"), machine.get("java"),
                machine.get("maxHeapMiB"), machine.get("gc"));
        out.printf("load average (1, 5, 15 min): %s at start, %s at end%n", loadAtStart, loadAtEnd);
        for (BenchResult r : results) {
            out.println();
            out.printf("%s  %s  (%.1f s)%n", r.id, r.title, r.seconds);
            if (!r.parameters.isEmpty()) {
                out.printf("    %s%n", r.parameters);
            }
            out.printf("    %-34s %14s  %-6s %s%n", "figure", "value", "unit", "target");
            for (BenchResult.Figure f : r.figures.values()) {
                StringBuilder target = new StringBuilder();
                for (BenchResult.Target t : r.targets) {
                    if (t.figure().equals(f.name())) {
                        target.append(t.atMost() ? "<= " : ">= ").append(number(t.limit()))
                                .append(t.met(f.value()) ? "  met" : "  MISSED");
                    }
                }
                if (f.name().equals(r.ratioFigure)) {
                    target.append(target.length() == 0 ? "" : "  ").append("(baseline ratio: ").append(r.ratioText)
                            .append(')');
                }
                out.printf("    %-34s %14s  %-6s %s%n", f.name(), number(f.value()), f.unit(), target);
            }
            for (String n : r.notes) {
                out.printf("    note: %s%n", n);
            }
        }
        out.println();
        for (BenchResult r : results) {
            long met = r.targets.stream().filter(t -> t.met(r.value(t.figure()))).count();
            out.printf("%s: %d of %d targets met%n", r.id, met, r.targets.size());
        }
        out.flush();
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    void writeJson(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("size", size);
        root.put("startedAt", startedAt);
        root.set("machine", json.valueToTree(machine));
        root.putObject("loadAverage").put("start", loadAtStart).put("end", loadAtEnd);
        ArrayNode all = root.putArray("benchmarks");
        for (BenchResult r : results) {
            ObjectNode b = all.addObject();
            b.put("id", r.id);
            b.put("title", r.title);
            b.put("seconds", r.seconds);
            b.set("parameters", json.valueToTree(r.parameters));
            ObjectNode figures = b.putObject("figures");
            for (BenchResult.Figure f : r.figures.values()) {
                ObjectNode o = figures.putObject(f.name());
                if (Double.isNaN(f.value()) || Double.isInfinite(f.value())) {
                    o.putNull("value");
                } else {
                    o.put("value", f.value());
                }
                o.put("unit", f.unit());
            }
            ArrayNode targets = b.putArray("targets");
            for (BenchResult.Target t : r.targets) {
                double v = r.value(t.figure());
                ObjectNode o = targets.addObject().put("figure", t.figure()).put(t.atMost() ? "atMost" : "atLeast",
                        t.limit()).put("text", t.text()).put("met", t.met(v));
                if (Double.isNaN(v)) {
                    o.putNull("value");
                } else {
                    o.put("value", v);
                }
            }
            if (r.ratioFigure != null) {
                double v = r.value(r.ratioFigure);
                ObjectNode o = b.putObject("baselineRatio").put("figure", r.ratioFigure).put("meaning", r.ratioText);
                if (Double.isNaN(v)) {
                    o.putNull("value");
                } else {
                    o.put("value", v);
                }
            }
            ArrayNode notes = b.putArray("notes");
            r.notes.forEach(notes::add);
        }
        Files.createDirectories(file.getParent());
        json.writeValue(file.toFile(), root);
    }
}
