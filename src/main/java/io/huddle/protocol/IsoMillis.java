package io.huddle.protocol;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The wire's timestamps in their one form, {@code 2026-11-24T13:02:11.123Z}, written and read digit by digit. A
 * gateway following the floor log of a busy tenant spent half of its time in {@code Instant.parse}'s general
 * formatter machinery (B8 in docs/benchmarks.md); this does the same for the form the wire uses and leaves every
 * other form (no fraction, more digits, a year past 9999) to {@code Instant.parse} and its errors.
 */
final class IsoMillis {
    private static final int LENGTH = 24;
    private static final long SECONDS_PER_DAY = 86_400;

    private IsoMillis() {
    }

    /** The instant to the millisecond, or null when its year is not one of 1 to 9999 (the wire's four digits). */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int year = date.getYear();
        if (year < 1 || year > 9999) {
            return null;
        }
        int ofDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        char[] c = new char[LENGTH];
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, date.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, date.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, ofDay / 3600, 2);
        c[13] = ':';
        digits(c, 14, ofDay / 60 % 60, 2);
        c[16] = ':';
        digits(c, 17, ofDay % 60, 2);
        c[19] = '.';
        digits(c, 20, instant.getNano() / 1_000_000, 3);
        c[23] = 'Z';
        return new String(c);
    }

    /**
     * The instant the text names; the wire's form is read here, any other by {@code Instant.parse}, which also
     * throws the {@code DateTimeParseException} for what is no instant at all.
     */
    static Instant parse(String text) {
        Instant fast = text.length() == LENGTH ? wireForm(text) : null;
        return fast != null ? fast : Instant.parse(text);
    }

    /** Null when the text is not exactly the wire's form with valid fields. */
    private static Instant wireForm(String s) {
        if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(19) != '.' || s.charAt(23) != 'Z') {
            return null;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        int hour = number(s, 11, 2);
        int minute = number(s, 14, 2);
        int second = number(s, 17, 2);
        int millis = number(s, 20, 3);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || millis < 0) {
            return null; // not digits, or a leap second: Instant.parse decides
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second,
                    millis * 1_000_000L);
        } catch (DateTimeException noSuchDate) {
            return null;
        }
    }

    private static int number(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }

    private static void digits(char[] c, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
