package dev.practicetracker.platform.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The bearer-token parser every request goes through, remembering the tokens it has verified. A
 * client sends the same token with every request until it expires, and verifying it (an RS256
 * signature check, then parsing its claims) is a third of a read's CPU. A token is taken from here only if it is exactly the string verified before, only before
 * its {@code exp} and at most {@link #LONGEST_REUSE} after it was verified; anything else (a new, a
 * changed, an expired or a rejected token) goes to smallrye-jwt's own parser. Rejections
 * are never remembered, and at most {@link #CAPACITY} tokens are.
 */
@Alternative
@Priority(1)
@Singleton
public class VerifiedTokens implements JWTParser {

    /** A remembered token holds its string and parsed claims, a few KB: this bounds them to some 10-20 MB. */
    static final int CAPACITY = 4_096;
    static final Duration LONGEST_REUSE = Duration.ofMinutes(5);

    private record Verified(JsonWebToken token, Instant reusableUntil) {
    }

    private final JWTParser verifier;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    public VerifiedTokens(DefaultJWTParser verifier) {
        this(verifier, Clock.systemUTC());
    }

    /** @param clock the verifier's own time: the system's, whatever clock the services are given */
    VerifiedTokens(JWTParser verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        Instant now = clock.instant();
        Verified known = verified.get(bearerToken);
        if (known != null) {
            if (now.isBefore(known.reusableUntil())) {
                return known.token();
            }
            verified.remove(bearerToken, known);
        }
        JsonWebToken token = verifier.parse(bearerToken);
        remember(bearerToken, token, now);
        return token;
    }

    private void remember(String bearerToken, JsonWebToken token, Instant now) {
        if (token.getExpirationTime() <= 0) {
            return;
        }
        Instant until = Instant.ofEpochSecond(token.getExpirationTime());
        Instant latest = now.plus(LONGEST_REUSE);
        if (verified.size() >= CAPACITY) {
            verified.values().removeIf(entry -> !now.isBefore(entry.reusableUntil()));
            if (verified.size() >= CAPACITY) {
                return;
            }
        }
        verified.put(bearerToken, new Verified(token, until.isBefore(latest) ? until : latest));
    }

    int size() {
        return verified.size();
    }

    @Override
    public JsonWebToken parse(String bearerToken, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(bearerToken, context);
    }

    @Override
    public JsonWebToken verify(String bearerToken, PublicKey key) throws ParseException {
        return verifier.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, SecretKey key) throws ParseException {
        return verifier.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, String secret) throws ParseException {
        return verifier.verify(bearerToken, secret);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, PrivateKey key) throws ParseException {
        return verifier.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, SecretKey key) throws ParseException {
        return verifier.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, String secret) throws ParseException {
        return verifier.decrypt(bearerToken, secret);
    }

    @Override
    public JsonWebToken parseOnly(String bearerToken) throws ParseException {
        return verifier.parseOnly(bearerToken);
    }
}
