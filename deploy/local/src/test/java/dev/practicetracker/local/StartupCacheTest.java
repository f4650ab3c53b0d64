package dev.practicetracker.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCacheTest {

    private static final Runtime.Version JDK_17 = Runtime.Version.parse("17.0.15+6");
    private static final Runtime.Version JDK_24 = Runtime.Version.parse("24.0.2+12");
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
        caches = work.resolve("startup-caches");
    }

    @Test
    void beforeJdkTwentyFiveTheCacheIsADynamicCdsArchive() {
        for (Runtime.Version jdk : List.of(JDK_17, JDK_24)) {
            StartupCache cache = StartupCache.of(caches, "progress-service", application, jdk);

            assertThat(cache.kind()).isEqualTo(StartupCache.Kind.CDS_ARCHIVE);
            assertThat(cache.file().getFileName().toString()).startsWith("progress-service-").endsWith(".jsa");
            assertThat(cache.recordOptions()).containsExactly("-XX:ArchiveClassesAtExit=" + cache.file() + ".part");
        }
    }

    @Test
    void fromJdkTwentyFiveTheCacheIsAnAotCacheRecordedWithRoomInMetaspace() {
        StartupCache cache = StartupCache.of(caches, "progress-service", application, JDK_25);

        assertThat(cache.kind()).isEqualTo(StartupCache.Kind.AOT_CACHE);
        assertThat(cache.file().getParent()).isEqualTo(caches);
        assertThat(cache.file().getFileName().toString()).startsWith("progress-service-").endsWith(".aot");
        assertThat(cache.recordOptions())
                .containsExactly(StartupCache.RECORDING_METASPACE, "-XX:AOTCacheOutput=" + cache.file() + ".part");
    }

    @Test
    void aStartUsesTheCacheOnlyOnceARecordingHasBeenKept() throws IOException {
        StartupCache archive = StartupCache.of(caches, "progress-service", application, JDK_17);
        StartupCache aot = StartupCache.of(caches, "progress-service", application, JDK_25);
        assertThat(archive.useOptions()).isEmpty();
        assertThat(aot.useOptions()).isEmpty();

        for (StartupCache cache : List.of(archive, aot)) {
            Files.createDirectories(caches);
            Files.writeString(cache.recordingFile(), "recorded");
            assertThat(cache.useOptions()).as("still being written").isEmpty();
            assertThat(cache.keepRecording()).isTrue();
        }

        assertThat(archive.useOptions()).containsExactly("-XX:SharedArchiveFile=" + archive.file());
        assertThat(aot.useOptions()).containsExactly("-XX:AOTCache=" + aot.file());
        assertThat(Files.readString(archive.file())).isEqualTo("recorded");
    }

    @Test
    void aRecordingJvmStoppedBeforeItWroteAnythingLeavesNoCacheAndIsAskedAgain() throws IOException {
        StartupCache cache = StartupCache.of(caches, "progress-service", application, JDK_17);
        Files.createDirectories(caches);

        assertThat(cache.keepRecording()).isFalse();

        assertThat(cache.exists()).isFalse();
        assertThat(cache.useOptions()).isEmpty();
        assertThat(cache.needsRecording()).isTrue();
    }

    @Test
    void aJvmThatCannotRecordIsNotAskedAgainOnThatBuildAndJdk() throws IOException {
        StartupCache cache = StartupCache.of(caches, "progress-service", application, JDK_17);
        Files.createDirectories(caches);

        cache.markNotRecordable();

        assertThat(cache.needsRecording()).isFalse();
        assertThat(cache.useOptions()).isEmpty();
        assertThat(StartupCache.of(caches, "progress-service", application, JDK_25).needsRecording())
                .as("another JDK is asked").isTrue();
    }

    @Test
    void aKeptRecordingNeedsNoOther() throws IOException {
        StartupCache cache = StartupCache.of(caches, "progress-service", application, JDK_17);
        Files.createDirectories(caches);
        Files.writeString(cache.recordingFile(), "recorded");

        assertThat(cache.keepRecording()).isTrue();

        assertThat(cache.needsRecording()).isFalse();
    }

    @Test
    void aRecordingCutShortIsDiscarded() throws IOException {
        StartupCache cache = StartupCache.of(caches, "progress-service", application, JDK_17);
        Files.createDirectories(caches);
        Path partial = Files.writeString(cache.recordingFile(), "half written");

        cache.discardRecording();

        assertThat(partial).doesNotExist();
        assertThat(cache.exists()).isFalse();
        assertThat(cache.useOptions()).isEmpty();
    }

    @Test
    void aRebuiltServiceOrAnotherJdkNamesAnotherCache() throws IOException {
        String first = StartupCache.fingerprint(application, JDK_25);
        assertThat(StartupCache.fingerprint(application, JDK_25)).isEqualTo(first);
        assertThat(StartupCache.fingerprint(application, Runtime.Version.parse("25.0.4+1"))).isNotEqualTo(first);

        Path dependency = application.resolve("lib").resolve("dependency.jar");
        Files.setLastModifiedTime(dependency, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        String touched = StartupCache.fingerprint(application, JDK_25);
        assertThat(touched).isNotEqualTo(first);

        Files.writeString(dependency, "dependency, rebuilt");
        Files.setLastModifiedTime(dependency, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(StartupCache.fingerprint(application, JDK_25)).isNotEqualTo(touched);
    }

    @Test
    void recordingANewCacheDeletesTheServicesOlderCachesOnly() throws IOException {
        StartupCache cache = StartupCache.of(caches, "progress-service", application, JDK_17);
        Files.createDirectories(caches);
        Path olderArchive = Files.writeString(caches.resolve("progress-service-0123456789ab.jsa"), "older build");
        Path olderAotCache = Files.writeString(caches.resolve("progress-service-0123456789ab.aot"), "another JDK");
        Path unfinished = Files.writeString(caches.resolve("progress-service-0123456789ab.jsa.part"), "killed while writing");
        Path notRecordable = Files.writeString(caches.resolve("progress-service-0123456789ab.jsa.none"), "another JDK wrote none");
        Path otherService = Files.writeString(caches.resolve("skills-service-0123456789ab.jsa"), "another service");
        Path similarName = Files.writeString(caches.resolve("progress-service-copy.log"), "not a cache");
        Path prefixOfAnother = Files.writeString(caches.resolve("progress-service-extra-0123456789ab.jsa"), "another module");

        cache.deleteOthers();

        assertThat(olderArchive).doesNotExist();
        assertThat(olderAotCache).doesNotExist();
        assertThat(unfinished).doesNotExist();
        assertThat(notRecordable).doesNotExist();
        assertThat(otherService).exists();
        assertThat(similarName).exists();
        assertThat(prefixOfAnother).exists();
    }
}
