package dev.practicetracker.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * {@code deploy/local/token [--user UUID | --new-user] [--zone ZONE] [--ttl 1h]}: prints a token the local
 * stack accepts, for the demo user unless told otherwise.
 */
public final class TokenCommand {

    private TokenCommand() {
    }

    public static void main(String[] arguments) throws Exception {
        Path root = Path.of(".").toAbsolutePath().normalize();
        Path state = null;
        UUID user = LocalStack.DEMO_USER;
        String zone = "UTC";
        Duration timeToLive = Duration.ofHours(1);
        try {
            for (int i = 0; i < arguments.length; i++) {
                switch (arguments[i]) {
                    case "--root" -> root = Path.of(arguments[++i]);
                    case "--state" -> state = Path.of(arguments[++i]);
                    case "--user" -> user = UUID.fromString(arguments[++i]);
                    case "--new-user" -> user = UUID.randomUUID();
                    case "--zone" -> zone = ZoneId.of(arguments[++i]).getId();
                    case "--ttl" -> timeToLive = parseDuration(arguments[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + arguments[i]);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("usage: deploy/local/token [--user UUID | --new-user] [--zone ZONE] [--ttl 1h|30m|90s|2d] [--state DIR]  (" + e.getMessage() + ")");
            System.exit(2);
        }
        Path keys = (state == null ? root.resolve(".local") : state).resolve("keys");
        if (!Files.exists(keys.resolve("private.pem"))) {
            LocalKeys.ensure(keys);
        }
        System.out.println(LocalKeys.signer(keys).sign(user, zone, List.of("user"), Instant.now(), timeToLive));
    }

    static Duration parseDuration(String text) {
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("a duration is a number and s, m, h or d: " + text);
        };
    }
}
