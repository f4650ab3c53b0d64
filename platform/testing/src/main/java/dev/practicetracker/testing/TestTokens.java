package dev.practicetracker.testing;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tokens for tests, signed by a key pair made for this JVM; {@link JwtResource} makes the service
 * trust its public half.
 */
public final class TestTokens {

    public static final String ISSUER = "https://practice-tracker.test";
    public static final String USER_GROUP = "user";

    private static final KeyPair KEYS = Keys.generateRsa();
    private static final TokenSigner SIGNER = new TokenSigner(KEYS.getPrivate(), ISSUER);
    private static final Duration LIFETIME = Duration.ofHours(1);

    private TestTokens() {
    }

    static String publicKeyPem() {
        return Keys.publicPem(KEYS.getPublic());
    }

    public static String forUser(UUID userId) {
        return forUser(userId, "UTC");
    }

    public static String forUser(UUID userId, String zone) {
        return SIGNER.sign(userId, zone, List.of(USER_GROUP), Instant.now(), LIFETIME);
    }

    public static String withGroups(UUID userId, String... groups) {
        return SIGNER.sign(userId, "UTC", List.of(groups), Instant.now(), LIFETIME);
    }

    public static String expired(UUID userId) {
        return SIGNER.sign(userId, "UTC", List.of(USER_GROUP), Instant.now().minus(Duration.ofHours(2)), LIFETIME);
    }

    public static String signedByAnotherKey(UUID userId) {
        return new TokenSigner(Keys.generateRsa().getPrivate(), ISSUER)
                .sign(userId, "UTC", List.of(USER_GROUP), Instant.now(), LIFETIME);
    }

    public static String fromIssuer(UUID userId, String issuer) {
        return new TokenSigner(KEYS.getPrivate(), issuer).sign(userId, "UTC", List.of(USER_GROUP), Instant.now(), LIFETIME);
    }
}
