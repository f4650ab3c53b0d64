package dev.practicetracker.local;

import java.util.Arrays;
import java.util.Optional;

/**
 * The public API's path prefixes and the service that owns each, as API.md lists them: the local
 * {@link EntryPoint} routes by these, and the Kubernetes Ingress routes the same (ManifestsTest
 * compares the two). A prefix matches as the Ingress' {@code pathType: Prefix} does, element by
 * element: {@code /skills} matches {@code /skills} and {@code /skills/1}, not {@code /skillset}.
 */
public enum Route {
    SKILLS("/skills", Service.SKILLS),
    USERS("/users", Service.SKILLS),
    TEMPLATES("/templates", Service.SKILLS),
    PRACTICE_LOGS("/practice-logs", Service.PRACTICE_LOG),
    PRACTICE_SESSIONS("/practice-sessions", Service.PRACTICE_LOG),
    EVIDENCE("/evidence", Service.EVIDENCE),
    PROGRESS("/progress", Service.PROGRESS),
    PUBLIC("/public", Service.PROGRESS);

    public final String prefix;
    public final Service service;

    Route(String prefix, Service service) {
        this.prefix = prefix;
        this.service = service;
    }

    /** The route of a request path, if any. */
    public static Optional<Route> of(String path) {
        return Arrays.stream(values()).filter(route -> route.matches(path)).findFirst();
    }

    boolean matches(String path) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
