package dev.practicetracker.platform.problem;

import io.vertx.pgclient.PgException;

/** Recognises PostgreSQL's unique violation (23505) in a failure's causes, optionally of one constraint. */
public final class UniqueViolation {

    private static final String SQL_STATE = "23505";

    private UniqueViolation() {
    }

    public static boolean isCauseOf(Throwable failure) {
        return isCauseOf(failure, "");
    }

    /** @param constraintPrefix the start of the violated constraint's or index's name */
    public static boolean isCauseOf(Throwable failure, String constraintPrefix) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof PgException pg && SQL_STATE.equals(pg.getSqlState())
                    && String.valueOf(pg.getConstraint()).startsWith(constraintPrefix)) {
                return true;
            }
        }
        return false;
    }
}
