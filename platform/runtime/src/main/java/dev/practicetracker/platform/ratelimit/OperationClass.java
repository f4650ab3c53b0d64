package dev.practicetracker.platform.ratelimit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The classes of operation API.md limits, each with a quota of its own, and which class a request
 * is in by its method and path (a request path or an OpenAPI path template: the same rules decide
 * what is limited and what the documents say is). Reads of one's own data are not limited.
 */
public enum OperationClass {
    /** Creates, changes and deletes, per user. */
    WRITES("writes"),
    /** Imports and exports, per user: each moves a whole history. */
    IMPORTS_EXPORTS("imports and exports"),
    /** Operator endpoints (a path segment {@code admin}), per user. */
    ADMIN("admin operations"),
    /** What {@code /public} serves without a token, per client address. */
    PUBLIC_IMAGES("public images");

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** How a 429 names what the caller did too often. */
    public final String description;

    OperationClass(String description) {
        this.description = description;
    }

    public static Optional<OperationClass> of(String method, String path) {
        List<String> segments = List.of(path.replaceAll("^/+|/+$", "").split("/+"));
        if (segments.get(0).equals("public")) {
            return Optional.of(PUBLIC_IMAGES);
        }
        if (segments.contains("admin")) {
            return Optional.of(ADMIN);
        }
        String last = segments.get(segments.size() - 1);
        if (last.equals("import") || last.equals("export")) {
            return Optional.of(IMPORTS_EXPORTS);
        }
        return SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT)) ? Optional.empty() : Optional.of(WRITES);
    }

    /** Whether the quota is per client address rather than per user (no token to name one). */
    public boolean perClientAddress() {
        return this == PUBLIC_IMAGES;
    }
}
