package io.huddle.gateway.ops;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prometheus's text format read back: each series (name and labels) and its value. */
record Scrapes(Map<String, Map<Map<String, String>, Double>> series) {
    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    static Scrapes parse(String text) {
        Map<String, Map<Map<String, String>, Double>> all = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a Prometheus sample line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            all.computeIfAbsent(m.group(1), k -> new HashMap<>()).put(labels, Double.parseDouble(m.group(4)));
        }
        return new Scrapes(all);
    }

    boolean has(String name) {
        return series.containsKey(name);
    }

    /** The sum of the series of this name whose labels include every given pair (0 when there is none). */
    double value(String name, String... labelPairs) {
        double sum = 0;
        for (Map.Entry<Map<String, String>, Double> e : series.getOrDefault(name, Map.of()).entrySet()) {
            boolean match = true;
            for (int i = 0; i < labelPairs.length; i += 2) {
                match &= labelPairs[i + 1].equals(e.getKey().get(labelPairs[i]));
            }
            if (match) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    /** Every value the label takes among the series of this name. */
    java.util.Set<String> labelValues(String name, String label) {
        java.util.Set<String> values = new java.util.TreeSet<>();
        series.getOrDefault(name, Map.of()).keySet().forEach(l -> {
            if (l.containsKey(label)) {
                values.add(l.get(label));
            }
        });
        return values;
    }
}
