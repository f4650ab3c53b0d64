package dev.practicetracker.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {

    private static final Runtime.Version JDK_17 = Runtime.Version.parse("17.0.15+6");
    private static final Runtime.Version JDK_25 = Runtime.Version.parse("25.0.3+9");

    @TempDir
    Path work;

    private Path application;
    private Path caches;

    @BeforeEach
    void packagedService() throws IOException {
        application = work.resolve("quarkus-app");
        Files.createDirectories(application.resolve("lib"));
        Files.writeString(application.resolve("quarkus-run.jar"), "runner");
        Files.writeString(application.resolve("lib").resolve("dependency.jar"), "dependency");
        caches = work.resolve("aot");
    }

    @Test
    void aJdkBeforeTwentyFiveGetsNoCacheOptions() {
        assertThat(AotCache.of(caches, "progress-service", application, JDK_17)).isEmpty();
    }

    @Test
    void theFirstRunRecordsWithRoomInMetaspaceAndACopyRunsWithout() {
        AotCache cache = AotCache.of(caches, "progress-service", application, JDK_25).orElseThrow();

        assertThat(cache.jvmOptions(true)).containsExactly(AotCache.RECORDING_METASPACE, "-XX:AOTCacheOutput=" + cache.file());
        assertThat(cache.jvmOptions(false)).isEmpty();
        assertThat(cache.file().getParent()).isEqualTo(caches);
        assertThat(cache.file().getFileName().toString()).startsWith("progress-service-").endsWith(".aot");
    }

    @Test
    void onceRecordedEveryRunUsesTheCache() throws IOException {
        AotCache cache = AotCache.of(caches, "progress-service", application, JDK_25).orElseThrow();
        Files.createDirectories(caches);
        Files.writeString(cache.file(), "cache");

        assertThat(cache.jvmOptions(true)).containsExactly("-XX:AOTCache=" + cache.file());
        assertThat(cache.jvmOptions(false)).containsExactly("-XX:AOTCache=" + cache.file());
    }

    @Test
    void aRebuiltServiceOrAnotherJdkNamesAnotherCache() throws IOException {
        String first = AotCache.fingerprint(application, JDK_25);
        assertThat(AotCache.fingerprint(application, JDK_25)).isEqualTo(first);
        assertThat(AotCache.fingerprint(application, Runtime.Version.parse("25.0.4+1"))).isNotEqualTo(first);

        Path dependency = application.resolve("lib").resolve("dependency.jar");
        Files.setLastModifiedTime(dependency, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        String touched = AotCache.fingerprint(application, JDK_25);
        assertThat(touched).isNotEqualTo(first);

        Files.writeString(dependency, "dependency, rebuilt");
        Files.setLastModifiedTime(dependency, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(AotCache.fingerprint(application, JDK_25)).isNotEqualTo(touched);
    }

    @Test
    void recordingANewCacheDeletesTheServicesOlderCachesOnly() throws IOException {
        AotCache cache = AotCache.of(caches, "progress-service", application, JDK_25).orElseThrow();
        Files.createDirectories(caches);
        Path older = Files.writeString(caches.resolve("progress-service-0123456789ab.aot"), "older build");
        Path otherService = Files.writeString(caches.resolve("skills-service-0123456789ab.aot"), "another service");
        Path similarName = Files.writeString(caches.resolve("progress-service-copy.log"), "not a cache");

        cache.deleteOthers();

        assertThat(older).doesNotExist();
        assertThat(otherService).exists();
        assertThat(similarName).exists();
    }

    @Test
    void aRecordingCutShortIsDiscarded() throws IOException {
        AotCache cache = AotCache.of(caches, "progress-service", application, JDK_25).orElseThrow();
        Files.createDirectories(caches);
        Files.writeString(cache.file(), "half written");

        cache.discard();

        assertThat(cache.exists()).isFalse();
        assertThat(cache.jvmOptions(true)).contains("-XX:AOTCacheOutput=" + cache.file());
    }
}
