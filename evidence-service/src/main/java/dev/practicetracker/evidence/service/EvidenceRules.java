package dev.practicetracker.evidence.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.evidence.EvidenceType;
import dev.practicetracker.evidence.mapping.EvidenceContent;
import dev.practicetracker.evidence.mapping.ScreenshotFileFields;
import dev.practicetracker.platform.problem.Violations;

/**
 * What each type of evidence must (and must not) carry. Links and storage URLs are absolute
 * http(s) only — no {@code javascript:}, {@code data:} or {@code file:} — and filenames cannot
 * walk a path or hide control characters.
 */
@ApplicationScoped
public class EvidenceRules {

    public static final int MAX_URL_LENGTH = 2048;
    public static final int MAX_TEXT_LENGTH = 2000;
    public static final int MAX_FILENAME_LENGTH = 255;
    public static final long MAX_SIZE_BYTES = 50L * 1024 * 1024;
    private static final Set<String> WEB_SCHEMES = Set.of("http", "https");
    /** A screenshot's content type (compared in lower case). */
    public static final String IMAGE_TYPE_PATTERN = "image/[a-z0-9][a-z0-9.+-]*";
    private static final Pattern IMAGE_TYPE = Pattern.compile(IMAGE_TYPE_PATTERN);
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final Clock clock;

    public EvidenceRules(Clock clock) {
        this.clock = clock;
    }

    /** @throws dev.practicetracker.platform.problem.ProblemException 400 naming every broken rule */
    public void requireValid(EvidenceType type, EvidenceContent content) {
        Violations violations = new Violations();
        switch (type) {
            case LINK -> {
                requireWebUrl("url", content.url(), Set.of("http", "https"), violations);
                absent("text", content.text(), type, violations);
                absent("file", content.file(), type, violations);
            }
            case NOTE -> {
                if (content.text() == null || content.text().isEmpty()) {
                    violations.add("text", "is required for a note");
                } else if (content.text().length() > MAX_TEXT_LENGTH) {
                    violations.add("text", "must be at most " + MAX_TEXT_LENGTH + " characters");
                }
                absent("url", content.url(), type, violations);
                absent("file", content.file(), type, violations);
            }
            case SCREENSHOT -> {
                if (content.file() == null) {
                    violations.add("file", "is required for a screenshot (its metadata; the image itself is never sent)");
                } else {
                    requireValidFile(content.file(), violations);
                }
                absent("url", content.url(), type, violations);
                absent("text", content.text(), type, violations);
            }
        }
        violations.throwIfAny();
    }

    private void requireValidFile(ScreenshotFileFields file, Violations violations) {
        String name = file.filename();
        if (name == null || name.isBlank()) {
            violations.add("file.filename", "is required");
        } else if (name.length() > MAX_FILENAME_LENGTH) {
            violations.add("file.filename", "must be at most " + MAX_FILENAME_LENGTH + " characters");
        } else if (name.contains("/") || name.contains("\\") || name.contains("..")) {
            violations.add("file.filename", "must be a plain file name, without '/', '\\' or '..'");
        } else if (CONTROL.matcher(name).find()) {
            violations.add("file.filename", "must not contain control characters");
        }
        if (file.sizeBytes() == null || file.sizeBytes() < 1 || file.sizeBytes() > MAX_SIZE_BYTES) {
            violations.add("file.size_bytes", "must be between 1 and " + MAX_SIZE_BYTES + " (50 MiB)");
        }
        if (file.contentType() == null || !IMAGE_TYPE.matcher(file.contentType().toLowerCase(Locale.ROOT)).matches()) {
            violations.add("file.content_type", "must be an image type, e.g. image/png");
        }
        requireWebUrl("file.storage_url", file.storageUrl(), Set.of("https"), violations);
        if (file.uploadedAt() != null && file.uploadedAt().isAfter(Instant.now(clock).plusSeconds(300))) {
            violations.add("file.uploaded_at", "must not be in the future");
        }
    }

    static void requireWebUrl(String field, String url, Set<String> schemes, Violations violations) {
        if (url == null || url.isEmpty()) {
            violations.add(field, "is required");
            return;
        }
        if (url.length() > MAX_URL_LENGTH) {
            violations.add(field, "must be at most " + MAX_URL_LENGTH + " characters");
            return;
        }
        if (!isWebUrl(url, schemes)) {
            violations.add(field, "must be an absolute " + String.join(" or ", schemes.stream().sorted().toList()) + " URL");
        }
    }

    static boolean isWebUrl(String url, Set<String> schemes) {
        if (CONTROL.matcher(url).find() || url.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getScheme() != null && schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && WEB_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null && !uri.getHost().isBlank() && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void absent(String field, Object value, EvidenceType type, Violations violations) {
        if (value != null) {
            violations.add(field, "does not belong to a " + type);
        }
    }
}
