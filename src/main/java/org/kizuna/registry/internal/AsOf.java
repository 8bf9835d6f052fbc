package org.kizuna.registry.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Marks the {@code LocalDate asOf} parameter of a registry endpoint: the request parameter of that name (optional,
 * like every simple-typed parameter without an annotation of its own), an ISO date such as {@code 2005-03-14}.
 * A date in another form is a 400 problem saying what form it must have.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
@interface AsOf {
}
