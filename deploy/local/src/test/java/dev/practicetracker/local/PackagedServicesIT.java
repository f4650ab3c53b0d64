package dev.practicetracker.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What runs in production carries none of the test infrastructure. */
class PackagedServicesIT {

    private static final List<String> TEST_ONLY = List.of("io.zonky.test", "org.apache.kafka:kafka-test-common",
            "dev.practicetracker:testing", "org.apache.kafka:kafka_2.13", "org.apache.kafka:kafka-server",
            "org.junit", "io.rest-assured", "org.awaitility", "org.assertj");

    @ParameterizedTest
    @EnumSource(Service.class)
    void carriesNoTestInfrastructure(Service service) throws IOException {
        Path dependencies = ServiceProcess.applicationJar(Path.of("..", "..").toAbsolutePath().normalize(), service)
                .resolveSibling("quarkus-app-dependencies.txt");

        List<String> lines = Files.readAllLines(dependencies);

        assertThat(lines).isNotEmpty().anyMatch(line -> line.startsWith("dev.practicetracker:runtime"));
        assertThat(lines).noneMatch(line -> TEST_ONLY.stream().anyMatch(line::startsWith));
    }
}
