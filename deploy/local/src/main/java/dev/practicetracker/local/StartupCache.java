package dev.practicetracker.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service loads as it starts, written once and mapped by every later start, so that start-up
 * skips most of its class loading (and, on JDK 25+, linking and much of the JIT's warm-up). Two kinds,
 * by the JDK the stack runs on:
 * <ul>
 * <li>JDK 25+: an ahead-of-time cache (JEP 483, 514, 515): {@code -XX:AOTCacheOutput} records it,
 * {@code -XX:AOTCache} uses it;</li>
 * <li>JDK 17–24: a dynamic class-data-sharing archive (JEP 350): {@code -XX:ArchiveClassesAtExit}
 * records it, {@code -XX:SharedArchiveFile} uses it.</li>
 * </ul>
 * Either is recorded by a training start: the service starts, is stopped as soon as it is ready, and
 * its JVM writes the file as it exits. So the file holds what start-up loads and no more: every class
 * in it is resident in every process that maps it, and classes that only serving requests needs
 * would add ~18 MB to an idle service (measured: skills-service 190 MB idle with a start-up archive,
 * 208 MB with one recorded over a whole run). The file name carries a fingerprint of the JDK and of
 * every file of the packaged service, so a rebuild or another JDK records a new one instead of using
 * one the JVM would reject. The services are packaged as {@code aot-jar} (the root pom): their classes
 * and their libraries' are on the JVM's own class path, where both kinds cover them; a
 * {@code fast-jar} loads them through Quarkus's own class loader, which still reads every class from
 * its jar.
 */
final class StartupCache {

    /** The first JDK whose {@code -XX:AOTCacheOutput} records and writes an ahead-of-time cache in one run. */
    static final int FIRST_AOT_CACHE_RELEASE = 25;

    /**
     * The JVM recording an ahead-of-time cache builds it within its metaspace limit, and the local
     * stack's usual 128 MB is too small for it (it fails with "Unable to allocate from 'ro' region").
     */
    static final String RECORDING_METASPACE = "-XX:MaxMetaspaceSize=256m";

    /**
     * {@code <module>-<fingerprint>.<extension>}, {@code .part} while it is being written, {@code .none}
     * where it could not be.
     */
    private static final Pattern NAME = Pattern.compile("(.+)-[0-9a-f]{12}\\.(?:jsa|aot)(?:\\.part|\\.none)?");

    enum Kind {
        CDS_ARCHIVE("CDS archive", ".jsa", "-XX:SharedArchiveFile=", "-XX:ArchiveClassesAtExit=", List.of()),
        AOT_CACHE("AOT cache", ".aot", "-XX:AOTCache=", "-XX:AOTCacheOutput=", List.of(RECORDING_METASPACE));

        final String description;
        final String extension;
        private final String useOption;
        private final String recordOption;
        private final List<String> recordingOptions;

        Kind(String description, String extension, String useOption, String recordOption, List<String> recordingOptions) {
            this.description = description;
            this.extension = extension;
            this.useOption = useOption;
            this.recordOption = recordOption;
            this.recordingOptions = recordingOptions;
        }

        static Kind of(Runtime.Version jdk) {
            return jdk.feature() >= FIRST_AOT_CACHE_RELEASE ? AOT_CACHE : CDS_ARCHIVE;
        }
    }

    private final Kind kind;
    private final Path file;

    private StartupCache(Kind kind, Path file) {
        this.kind = kind;
        this.file = file;
    }

    /** The cache for this packaged service on this JDK (which may not have been recorded yet). */
    static StartupCache of(Path directory, String module, Path application, Runtime.Version jdk) {
        Kind kind = Kind.of(jdk);
        return new StartupCache(kind, directory.resolve(module + "-" + fingerprint(application, jdk) + kind.extension));
    }

    Kind kind() {
        return kind;
    }

    Path file() {
        return file;
    }

    boolean exists() {
        return Files.isRegularFile(file);
    }

    /** Options to start from this cache; none while it has not been recorded. */
    List<String> useOptions() {
        return exists() ? List.of(kind.useOption + file) : List.of();
    }

    /**
     * Options to record this cache. The JVM writes it as it exits, beside the cache's own name until
     * {@link #keepRecording} moves it there: a JVM killed while writing leaves nothing a start would map.
     */
    List<String> recordOptions() {
        List<String> options = new ArrayList<>(kind.recordingOptions);
        options.add(kind.recordOption + recordingFile());
        return options;
    }

    /** After the recording JVM has exited: the cache it wrote, if it wrote one, becomes this cache. */
    boolean keepRecording() throws IOException {
        if (!Files.isRegularFile(recordingFile())) {
            return false;
        }
        Files.move(recordingFile(), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /**
     * The recording JVM exited by itself, without writing the cache (a JDK without a base CDS archive
     * cannot record a dynamic one): later starts of this build on this JDK go without rather than
     * through a training start each time.
     */
    void markNotRecordable() throws IOException {
        Files.writeString(notRecordable(), "the JVM recording this cache exited by itself without writing it; see its log\n");
    }

    /** Whether a training start is due: none has kept a cache for this build and JDK, nor found it cannot. */
    boolean needsRecording() {
        return !exists() && !Files.exists(notRecordable());
    }

    private Path notRecordable() {
        return file.resolveSibling(file.getFileName() + ".none");
    }

    /** Where the recording JVM writes the cache until it is kept. */
    Path recordingFile() {
        return file.resolveSibling(file.getFileName() + ".part");
    }

    /** Makes room for a new recording: the service's other caches are of another build or JDK. */
    void deleteOthers() throws IOException {
        Files.createDirectories(file.getParent());
        try (Stream<Path> caches = Files.list(file.getParent())) {
            for (Path cache : caches.toList()) {
                if (!cache.equals(file) && module(cache).equals(module(file))) {
                    Files.deleteIfExists(cache);
                }
            }
        }
    }

    /** A recording cut short (the JVM was killed while writing it). */
    void discardRecording() throws IOException {
        Files.deleteIfExists(recordingFile());
    }

    /** The module a cache file is of, or empty if the file is not a cache. */
    private static Optional<String> module(Path path) {
        Matcher name = NAME.matcher(path.getFileName().toString());
        return name.matches() ? Optional.of(name.group(1)) : Optional.empty();
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
