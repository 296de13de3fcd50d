package io.huddle.console;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What the supervisor typed in the search field: its words, ready to look for in a row's texts. */
final class TextQuery {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final String whole;
    private final List<String> words;

    private TextQuery(String typed) {
        this.whole = typed.strip();
        this.words = whole.isEmpty() ? List.of() : Arrays.asList(SPACES.split(normalize(whole)));
    }

    static TextQuery of(String typed) {
        return new TextQuery(typed == null ? "" : typed);
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /** Whether the query is this id, whole (case aside). */
    boolean isId(String id) {
        return whole.equalsIgnoreCase(id);
    }

    /** Whether every word is in the text (already {@link #normalize normalized}). */
    boolean foundIn(String normalizedText) {
        for (String w : words) {
            if (!normalizedText.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** Lower case without accents: "Chloé" is found by "chloe". */
    static String normalize(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) > 0x7f) {
                return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
            }
        }
        return lower; // plain ASCII, the usual case: nothing to take apart
    }
}
