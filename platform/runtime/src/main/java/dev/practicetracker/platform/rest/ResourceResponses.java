package dev.practicetracker.platform.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import dev.practicetracker.platform.problem.ProblemException;

/**
 * Responses for versioned resources: each carries its {@code version} as a strong ETag, and a
 * write with a stale {@code If-Match} is refused.
 */
public final class ResourceResponses {

    private ResourceResponses() {
    }

    public static Response ok(Object body, long version) {
        return Response.ok(body).tag(etag(version)).build();
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Checks an {@code If-Match} header against the current version; no header means no check.
     *
     * @throws ProblemException 412 when it names another version
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return;
        }
        String current = Long.toString(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("\"" + current + "\"")) {
                return;
            }
        }
        throw ProblemException.staleVersion();
    }
}
