package dev.practicetracker.skills.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** How free text from a request is normalised before validation: surrounding white space never counts. */
final class Text {

    private Text() {
    }

    static String trimmed(String text) {
        return text == null ? null : text.strip();
    }

    /** Trimmed, first occurrence kept; null elements stay so validation can name them. */
    static List<String> trimmedDistinct(List<String> texts) {
        if (texts == null) {
            return null;
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String text : texts) {
            distinct.add(trimmed(text));
        }
        return new ArrayList<>(distinct);
    }
}
