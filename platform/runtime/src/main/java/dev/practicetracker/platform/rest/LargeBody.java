package dev.practicetracker.platform.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An endpoint that accepts bodies up to 10 MiB (bulk imports) instead of the usual 1 MiB. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LargeBody {

    long MAX_BYTES = 10L * 1024 * 1024;
}
