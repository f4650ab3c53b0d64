package dev.practicetracker.platform.time;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The real time moved ahead by the ISO-8601 duration a file holds (none while the file is missing),
 * read again whenever the file changes: how a test of whole processes moves their time, which it
 * cannot inject. Only ever forward: a file that asks for less than the clock has run ahead keeps the
 * clock where it is, so ids made from it stay in order.
 */
public final class AheadFileClock extends Clock {

    private final Path file;
    private final Clock real;
    private volatile FileTime readAt;
    private volatile Duration ahead = Duration.ZERO;

    public AheadFileClock(Path file, Clock real) {
        this.file = file;
        this.real = real;
    }

    @Override
    public Instant instant() {
        return real.instant().plus(ahead());
    }

    private Duration ahead() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(readAt)) {
                synchronized (this) {
                    Duration asked = Duration.parse(Files.readString(file).strip());
                    if (asked.compareTo(ahead) > 0) {
                        ahead = asked;
                    }
                    readAt = modified;
                }
            }
        } catch (NoSuchFileException missing) {
            // not moved (yet)
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read how far ahead the clock runs from " + file, e);
        }
        return ahead;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service reads UTC instants only");
    }
}
