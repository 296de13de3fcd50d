package io.huddle.bench;

import java.util.Arrays;

/**
 * Latencies (or any long figures) recorded by one thread at a time, read as percentiles. Grows as needed;
 * {@link #merge} folds the samples of other recorders in. Percentiles are exact (nearest rank on a sorted copy).
 */
final class Samples {
    private long[] values;
    private int size;

    Samples() {
        this(1024);
    }

    Samples(int capacity) {
        values = new long[Math.max(16, capacity)];
    }

    synchronized void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    synchronized void addSynchronized(long value) {
        add(value);
    }

    synchronized void merge(Samples other) {
        synchronized (other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }
    }

    synchronized int count() {
        return size;
    }

    /** The nearest-rank percentile ({@code p} in 0..100), or NaN without samples. */
    synchronized double percentile(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.min(size - 1, Math.max(0, rank - 1))];
    }

    synchronized double max() {
        if (size == 0) {
            return Double.NaN;
        }
        long m = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            m = Math.max(m, values[i]);
        }
        return m;
    }

    synchronized double mean() {
        if (size == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum / size;
    }

    /** The samples in the order they were added. */
    synchronized java.util.List<Long> values() {
        java.util.List<Long> out = new java.util.ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(values[i]);
        }
        return out;
    }

    /** Nanoseconds to milliseconds. */
    static double ms(double nanos) {
        return nanos / 1e6;
    }
}
