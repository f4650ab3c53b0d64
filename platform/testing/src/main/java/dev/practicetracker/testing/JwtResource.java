package dev.practicetracker.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Makes the service under test trust {@link TestTokens}: their public key, in a file as in production. */
public class JwtResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Path publicKey = Path.of("target", "test-jwt", "public.pem").toAbsolutePath();
            Files.createDirectories(publicKey.getParent());
            Files.writeString(publicKey, TestTokens.publicKeyPem());
            return Map.of(
                    "mp.jwt.verify.publickey.location", publicKey.toUri().toString(),
                    "mp.jwt.verify.issuer", TestTokens.ISSUER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the test public key", e);
        }
    }

    @Override
    public void stop() {
        // nothing to release: the key pair lives as long as the JVM
    }
}
