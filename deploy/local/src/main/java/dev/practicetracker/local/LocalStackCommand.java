package dev.practicetracker.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/** {@code deploy/local/run}: starts the local stack, prints where everything is and a demo token, and stops it all on Ctrl-C. */
public final class LocalStackCommand {

    private LocalStackCommand() {
    }

    public static void main(String[] arguments) throws Exception {
        Path root = Path.of(".").toAbsolutePath().normalize();
        Path state = null;
        boolean fresh = false;
        boolean infrastructureOnly = false;
        for (int i = 0; i < arguments.length; i++) {
            switch (arguments[i]) {
                case "--root" -> root = Path.of(arguments[++i]).toAbsolutePath().normalize();
                case "--state" -> state = Path.of(arguments[++i]).toAbsolutePath().normalize();
                case "--fresh" -> fresh = true;
                case "--infrastructure-only" -> infrastructureOnly = true;
                default -> {
                    System.err.println("usage: deploy/local/run [--fresh] [--state DIR] [--infrastructure-only]");
                    System.exit(2);
                }
            }
        }
        Instant started = Instant.now();
        LocalStack stack;
        try {
            StackSettings settings = StackSettings.fromEnvironment(root, state == null ? root.resolve(".local") : state, fresh);
            stack = infrastructureOnly ? LocalStack.startInfrastructure(settings) : LocalStack.start(settings);
        } catch (Exception e) {
            System.err.println("the local stack did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LocalStack.say("stopping");
            stack.close();
            LocalStack.say("stopped");
            stopped.countDown();
        }, "local-stack-shutdown"));
        printWelcome(stack, Duration.between(started, Instant.now()));
        stopped.await();
    }

    private static void printWelcome(LocalStack stack, Duration startup) throws Exception {
        StackSettings settings = stack.settings();
        StringBuilder text = new StringBuilder("\n");
        if (!stack.servicesItRuns().isEmpty()) {
            text.append(String.format("  %-21s %s   (every route; OpenAPI of the whole API: %s%s)%n", "entry point", stack.entryPointUrl(),
                    stack.entryPointUrl(), EntryPoint.OPENAPI));
        }
        for (Service service : stack.servicesItRuns()) {
            text.append(String.format("  %-21s %s   (OpenAPI: %s/q/swagger-ui)%n", service.module, settings.url(service), settings.url(service)));
        }
        text.append(String.format("  %-21s 127.0.0.1:%d (user postgres; databases skills, practice_logs, evidence, progress)%n",
                "PostgreSQL", settings.postgresPort()));
        text.append(String.format("  %-21s %s%n", "Kafka", settings.kafkaBootstrap()));
        text.append(String.format("  %-21s %s%n%n", "logs", settings.logs()));
        text.append("  demo user ").append(LocalStack.DEMO_USER).append(", token valid for 12 h:\n\n");
        text.append("  export TOKEN=").append(stack.demoToken(Duration.ofHours(12))).append("\n\n");
        text.append(String.format("  started in %.1f s; Ctrl-C stops everything%n", startup.toMillis() / 1000.0));
        System.out.println(text);
        System.out.println("READY");
        System.out.flush();
    }
}
