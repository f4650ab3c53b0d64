package dev.practicetracker.evidence.mapping;

/** What an evidence item says: a link's {@code url}, a note's {@code text} or a screenshot's {@code file}. */
public record EvidenceContent(String url, String text, ScreenshotFileFields file) {

    public EvidenceContent {
        url = url == null ? null : url.strip();
        text = text == null ? null : text.strip();
    }
}
