package dev.practicetracker.practicelog.validation;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.Dependent;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** A bean, so it reads the same clock as the rest of the service; one per constraint (it keeps the skew). */
@Dependent
public class NotInFutureValidator implements ConstraintValidator<NotInFuture, Instant> {

    private final Clock clock;
    private long skewSeconds;

    public NotInFutureValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void initialize(NotInFuture annotation) {
        skewSeconds = annotation.skewSeconds();
    }

    @Override
    public boolean isValid(Instant value, ConstraintValidatorContext context) {
        return value == null || !value.isAfter(Instant.now(clock).plusSeconds(skewSeconds));
    }
}
