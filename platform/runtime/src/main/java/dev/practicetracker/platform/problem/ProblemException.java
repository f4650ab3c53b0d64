package dev.practicetracker.platform.problem;

import java.util.List;

/**
 * A failure the client caused or must know about, answered with its problem body. Carries no stack
 * trace: it is an answer, not a bug.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** A missing resource, or another user's: the two are indistinguishable on purpose. */
    public static ProblemException notFound(String resource) {
        return new ProblemException(Problem.of(404, "Not Found", resource + " not found"));
    }

    public static ProblemException invalid(List<Violation> violations) {
        return new ProblemException(new Problem(Problem.VALIDATION, "Bad Request", 400,
                "the request is invalid; see violations", List.copyOf(violations)));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Violation(field, message)));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(new Problem(Problem.CONFLICT, "Conflict", 409, detail, null));
    }

    /** A cursor the service can no longer resume from: the client starts over. */
    public static ProblemException cursorExpired(String detail) {
        return new ProblemException(new Problem(Problem.CURSOR_EXPIRED, "Gone", 410, detail, null));
    }

    public static ProblemException staleVersion() {
        return new ProblemException(new Problem(Problem.STALE_VERSION, "Precondition Failed", 412,
                "the resource changed since the If-Match version was read", null));
    }

    public static ProblemException idempotencyKeyReused() {
        return new ProblemException(new Problem(Problem.IDEMPOTENCY_KEY_REUSED, "Unprocessable Content", 422,
                "this Idempotency-Key was already used with a different request", null));
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(new Problem(Problem.UNAVAILABLE, "Service Unavailable", 503, detail, null));
    }
}
