package dev.practicetracker.platform.security;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;

/**
 * The caller of the current request, from its verified JWT. The user id is always the token's
 * {@code sub}, never anything in a body or query.
 */
@ApplicationScoped
public class CurrentCaller {

    static final String ZONE_CLAIM = "zoneinfo";

    private final JsonWebToken token;

    public CurrentCaller(JsonWebToken token) {
        this.token = token;
    }

    public Caller get() {
        return new Caller(userIdOf(token.getSubject()), zoneOf(token.getClaim(ZONE_CLAIM)));
    }

    /** The caller's own token, to ask another service on their behalf. */
    public String bearerToken() {
        return token.getRawToken();
    }

    private static UUID userIdOf(String subject) {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new AuthenticationFailedException("the token's sub is not a user id");
        }
    }

    /** An absent or unknown zone counts days in UTC rather than refusing the caller. */
    private static ZoneId zoneOf(Object claim) {
        if (claim == null) {
            return ZoneOffset.UTC;
        }
        String zone = claim.toString().replace("\"", "");
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
