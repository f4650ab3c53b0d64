package dev.practicetracker.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A service's ahead-of-time cache (JDK 25+: JEP 483, 514, 515): the classes its last run loaded and
 * linked, with their method profiles, so that the next start skips most of that work and much of
 * the JIT's (a lone service starts in about half the time here). A run with no cache records one,
 * written when that JVM exits; runs after it use it. The file name carries a fingerprint of the JDK
 * and of every file of the packaged service, so a rebuild or another JDK records a new cache
 * instead of using one the JVM would reject. A service built on JDK 25+ is packaged as {@code aot-jar}
 * (the root pom's profile): the cache then holds its classes and its libraries' too, which a
 * {@code fast-jar} loads through Quarkus's own class loader, outside what the cache covers.
 */
final class AotCache {

    /** The first JDK whose {@code -XX:AOTCacheOutput} records and writes a cache in one run. */
    static final int FIRST_RELEASE = 25;

    /**
     * The recording JVM builds the cache within its metaspace limit, and the local stack's usual
     * 128 MB is too small for it (it fails with "Unable to allocate from 'ro' region").
     */
    static final String RECORDING_METASPACE = "-XX:MaxMetaspaceSize=256m";

    private final Path file;

    private AotCache(Path file) {
        this.file = file;
    }

    /** The cache for this packaged service on this JDK, or none where the JDK has no such cache. */
    static Optional<AotCache> of(Path directory, String module, Path application, Runtime.Version jdk) {
        if (jdk.feature() < FIRST_RELEASE) {
            return Optional.empty();
        }
        return Optional.of(new AotCache(directory.resolve(module + "-" + fingerprint(application, jdk) + ".aot")));
    }

    Path file() {
        return file;
    }

    boolean exists() {
        return Files.isRegularFile(file);
    }

    /** Options to run with this cache if it is there, else, where {@code mayRecord}, to record it. */
    List<String> jvmOptions(boolean mayRecord) {
        if (exists()) {
            return List.of("-XX:AOTCache=" + file);
        }
        return mayRecord ? List.of(RECORDING_METASPACE, "-XX:AOTCacheOutput=" + file) : List.of();
    }

    /** Makes room for a new recording: older caches of the same service are of another build or JDK. */
    void deleteOthers() throws IOException {
        String prefix = file.getFileName().toString().replaceFirst("-[0-9a-f]+\\.aot$", "-");
        Files.createDirectories(file.getParent());
        try (Stream<Path> caches = Files.list(file.getParent())) {
            for (Path cache : caches.toList()) {
                String name = cache.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(".aot") && !cache.equals(file)) {
                    Files.deleteIfExists(cache);
                }
            }
        }
    }

    /** A recording cut short (the JVM was killed while writing it) leaves nothing to load. */
    void discard() throws IOException {
        Files.deleteIfExists(file);
    }

    static String fingerprint(Path application, Runtime.Version jdk) {
        MessageDigest digest = sha256();
        digest.update((System.getProperty("java.vm.vendor", "") + " " + jdk).getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(application)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                String entry = "\n" + application.relativize(path) + " " + Files.size(path) + " "
                        + Files.getLastModifiedTime(path).toMillis();
                digest.update(entry.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 6);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
