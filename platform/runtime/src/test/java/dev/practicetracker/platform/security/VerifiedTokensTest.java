package dev.practicetracker.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.SecretKey;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final FakeVerifier verifier = new FakeVerifier();
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, clock);

    @Test
    void aTokenVerifiedOnceIsTakenFromMemoryWhileItIsValid() throws Exception {
        verifier.accept("token-a", NOW.plus(Duration.ofHours(1)));

        JsonWebToken first = tokens.parse("token-a");
        clock.move(Duration.ofMinutes(4));
        JsonWebToken second = tokens.parse("token-a");

        assertThat(second).isSameAs(first);
        assertThat(verifier.verified).containsExactly("token-a");
    }

    @Test
    void aTokenPastItsExpiryIsVerifiedAgain() throws Exception {
        verifier.accept("token-a", NOW.plus(Duration.ofMinutes(2)));
        tokens.parse("token-a");
        verifier.reject("token-a");

        clock.move(Duration.ofMinutes(2));

        assertThatThrownBy(() -> tokens.parse("token-a")).isInstanceOf(ParseException.class);
        assertThat(verifier.verified).containsExactly("token-a", "token-a");
    }

    @Test
    void aVerificationIsReusedForFiveMinutesAtMost() throws Exception {
        verifier.accept("token-a", NOW.plus(Duration.ofHours(1)));
        tokens.parse("token-a");

        clock.move(VerifiedTokens.LONGEST_REUSE);
        tokens.parse("token-a");

        assertThat(verifier.verified).containsExactly("token-a", "token-a");
    }

    @Test
    void aRejectedTokenIsNeverRemembered() {
        verifier.reject("forged");

        assertThatThrownBy(() -> tokens.parse("forged")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse("forged")).isInstanceOf(ParseException.class);
        assertThat(verifier.verified).containsExactly("forged", "forged");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void onlyTheExactStringVerifiedIsTakenFromMemory() throws Exception {
        verifier.accept("header.claims.signature", NOW.plus(Duration.ofHours(1)));
        verifier.reject("header.claims.signaturf");
        tokens.parse("header.claims.signature");

        assertThatThrownBy(() -> tokens.parse("header.claims.signaturf")).isInstanceOf(ParseException.class);
        assertThat(verifier.verified).containsExactly("header.claims.signature", "header.claims.signaturf");
    }

    @Test
    void whenFullExpiredTokensMakeRoomAndOtherwiseNewOnesAreVerifiedEveryTime() throws Exception {
        for (int i = 0; i < VerifiedTokens.CAPACITY; i++) {
            verifier.accept("short-" + i, NOW.plus(Duration.ofMinutes(1)));
            tokens.parse("short-" + i);
        }
        verifier.accept("late", NOW.plus(Duration.ofHours(1)));
        tokens.parse("late");
        assertThat(tokens.size()).isEqualTo(VerifiedTokens.CAPACITY);

        clock.move(Duration.ofMinutes(1));
        verifier.accept("after", NOW.plus(Duration.ofHours(1)));
        tokens.parse("after");
        tokens.parse("after");

        assertThat(tokens.size()).isEqualTo(1);
        assertThat(verifier.verified.stream().filter("after"::equals)).hasSize(1);
    }

    /** Accepts or rejects tokens as told, and records every token it was asked to verify. */
    private static final class FakeVerifier implements JWTParser {
        private final Map<String, Instant> accepted = new HashMap<>();
        final List<String> verified = new ArrayList<>();

        void accept(String token, Instant expiry) {
            accepted.put(token, expiry);
        }

        void reject(String token) {
            accepted.remove(token);
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verified.add(token);
            Instant expiry = accepted.get(token);
            if (expiry == null) {
                throw new ParseException("rejected by the test");
            }
            return new Token(token, expiry);
        }

        @Override
        public JsonWebToken parse(String token, JWTAuthContextInfo context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, PublicKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, SecretKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, PrivateKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, SecretKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken parseOnly(String token) {
            throw new UnsupportedOperationException();
        }
    }

    private record Token(String raw, Instant expiry) implements JsonWebToken {
        @Override
        public String getName() {
            return raw;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            return "exp".equals(name) ? (T) Long.valueOf(expiry.getEpochSecond()) : null;
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
