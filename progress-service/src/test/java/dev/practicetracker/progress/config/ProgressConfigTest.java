package dev.practicetracker.progress.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;

/** progress-service's settings are read typed and checked as the service starts: a bad value stops it with the key named. */
class ProgressConfigTest {

    private static final Map<String, String> VALID = Map.of(
            "practice-tracker.progress.defer-recompute-at", "500",
            "practice-tracker.progress.stale-check-interval", "1s",
            "practice-tracker.progress.drain-connections", "2",
            "practice-tracker.progress.skill-cache.days", "200000",
            "practice-tracker.progress.reminders.check-interval", "10s",
            "practice-tracker.progress.reminders.batch", "200");

    @Test
    void validSettingsAreReadTyped() {
        ProgressConfig config = load(VALID).getConfigMapping(ProgressConfig.class);

        assertThat(config.deferRecomputeAt()).isEqualTo(500);
        assertThat(config.staleCheckInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.drainConnections()).isEqualTo(2);
        assertThat(config.skillCache().days()).isEqualTo(200_000);
        assertThat(config.reminders().checkInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.reminders().batch()).isEqualTo(200);
    }

    @Test
    void anEmptyReminderBatchIsRefusedAtStartUp() {
        assertThatThrownBy(() -> load(with("practice-tracker.progress.reminders.batch", "0")))
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("practice-tracker.progress.reminders.batch");
    }

    @Test
    void aDrainWithoutConnectionsIsRefusedAtStartUp() {
        assertThatThrownBy(() -> load(with("practice-tracker.progress.drain-connections", "0")))
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("practice-tracker.progress.drain-connections");
    }

    @Test
    void aNegativeCacheIsRefusedAtStartUp() {
        assertThatThrownBy(() -> load(with("practice-tracker.progress.skill-cache.days", "-1")))
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("skillCache.days must be greater than or equal to 0");
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> settings = new HashMap<>(VALID);
        settings.put(key, value);
        return settings;
    }

    private static SmallRyeConfig load(Map<String, String> settings) {
        Validator validator = Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
        BeanValidationConfigValidator validation = () -> validator;
        // durations as Quarkus reads them ("1s")
        return new SmallRyeConfigBuilder().withMapping(ProgressConfig.class).withValidator(validation)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(settings, "test", 100)).build();
    }
}
