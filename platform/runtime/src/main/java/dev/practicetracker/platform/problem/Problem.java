package dev.practicetracker.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem details body; {@code violations} only on validation errors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static final String GENERIC = "about:blank";
    public static final String VALIDATION = "urn:practice-tracker:problem:validation";
    public static final String CONFLICT = "urn:practice-tracker:problem:conflict";
    public static final String STALE_VERSION = "urn:practice-tracker:problem:stale-version";
    public static final String IDEMPOTENCY_KEY_REUSED = "urn:practice-tracker:problem:idempotency-key-reused";
    public static final String UNAVAILABLE = "urn:practice-tracker:problem:unavailable";
    public static final String CURSOR_EXPIRED = "urn:practice-tracker:problem:cursor-expired";
    public static final String RATE_LIMITED = "urn:practice-tracker:problem:rate-limited";

    public static Problem of(int status, String title, String detail) {
        return new Problem(GENERIC, title, status, detail, null);
    }
}
