package dev.practicetracker.testing;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** Signs RS256 access tokens with the claims API.md requires: iss, sub, exp, groups, zoneinfo. */
public final class TokenSigner {

    private final PrivateKey key;
    private final String issuer;

    public TokenSigner(PrivateKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    public String sign(UUID userId, String zone, List<String> groups, Instant issuedAt, Duration timeToLive) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(userId.toString());
        claims.setIssuedAt(NumericDate.fromMilliseconds(issuedAt.toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(issuedAt.plus(timeToLive).toEpochMilli()));
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setStringListClaim("groups", groups);
        if (zone != null) {
            claims.setStringClaim("zoneinfo", zone);
        }
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(key);
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        signature.setHeader("typ", "JWT");
        try {
            return signature.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}
