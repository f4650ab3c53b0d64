package dev.practicetracker.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;

import dev.practicetracker.testing.Keys;
import dev.practicetracker.testing.TokenSigner;

/** The stack's JWT key pair: made on first start, kept in {@code .local/keys} (git-ignored). */
final class LocalKeys {

    private LocalKeys() {
    }

    static Path ensure(Path directory) throws IOException {
        Path privateKey = directory.resolve("private.pem");
        Path publicKey = directory.resolve("public.pem");
        if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
            Files.createDirectories(directory);
            KeyPair pair = Keys.generateRsa();
            Files.writeString(publicKey, Keys.publicPem(pair.getPublic()));
            Files.writeString(privateKey, Keys.privatePem(pair.getPrivate()));
        }
        return publicKey;
    }

    static TokenSigner signer(Path directory) throws IOException, GeneralSecurityException {
        PrivateKey key = Keys.readPrivatePem(directory.resolve("private.pem"));
        return new TokenSigner(key, StackSettings.ISSUER);
    }
}
