package io.huddle.protocol;

/** CSV as Huddle's exports write it (RFC 4180), safe to open in a spreadsheet. */
public final class Csv {
    private Csv() {
    }

    /**
     * One cell: empty for null; quoted when it holds a comma, a quote or a line break; and prefixed with
     * {@code '} when it starts with a character a spreadsheet would run as a formula ({@code = + - @}, tab, CR).
     */
    public static String cell(String v) {
        if (v == null) {
            return "";
        }
        String s = v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
