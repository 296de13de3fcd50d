package io.huddle.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark measured: its figures in order (name, value, unit), the targets it is held to, the
 * ratio to its baseline measured in the same run (where it has one), and notes on how it ran.
 */
final class BenchResult {
    /** One measured figure. */
    record Figure(String name, double value, String unit) {
    }

    /** A target: the figure it reads, the limit, whether the limit is a maximum or a minimum, and the verdict. */
    record Target(String figure, double limit, boolean atMost, String text) {
        boolean met(double value) {
            return !Double.isNaN(value) && (atMost ? value <= limit : value >= limit);
        }
    }

    final String id;
    final String title;
    final Map<String, Figure> figures = new LinkedHashMap<>();
    final List<Target> targets = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final Map<String, Object> parameters = new LinkedHashMap<>();
    String ratioFigure;
    String ratioText;
    double seconds;

    BenchResult(String id, String title) {
        this.id = id;
        this.title = title;
    }

    BenchResult figure(String name, double value, String unit) {
        figures.put(name, new Figure(name, value, unit));
        return this;
    }

    BenchResult parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** Marks a figure as the ratio to this benchmark's baseline, measured in the same run. */
    BenchResult ratio(String name, double value, String text) {
        figure(name, value, "x");
        ratioFigure = name;
        ratioText = text;
        return this;
    }

    BenchResult atMost(String figure, double limit, String text) {
        targets.add(new Target(figure, limit, true, text));
        return this;
    }

    BenchResult atLeast(String figure, double limit, String text) {
        targets.add(new Target(figure, limit, false, text));
        return this;
    }

    BenchResult note(String text) {
        notes.add(text);
        return this;
    }

    double value(String figure) {
        Figure f = figures.get(figure);
        return f == null ? Double.NaN : f.value();
    }

    boolean allMet() {
        return targets.stream().allMatch(t -> t.met(value(t.figure())));
    }
}
