package dev.practicetracker.practicelog.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** An instant no later than now, allowing for the client's clock running a little ahead. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotInFutureValidator.class)
public @interface NotInFuture {

    String message() default "must not be in the future";

    /** Clock skew tolerated, in seconds. */
    long skewSeconds() default 300;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
