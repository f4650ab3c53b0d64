package dev.practicetracker.platform.security;

/** The {@code groups} a token needs for the API. */
public final class Roles {

    public static final String USER = "user";

    /** Operators: rebuilds and republishes, never user data. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
