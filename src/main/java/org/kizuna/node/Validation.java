package org.kizuna.node;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.function.Function;

/**
 * How a module's service refuses a request that breaks its constraints (Bean Validation): one IllegalArgumentException
 * (a 400 problem answer) whose message names every violation as {@code path: message}, sorted, each once.
 */
public final class Validation {

    private Validation() {
    }

    /** Refuses {@code request} when it breaks a constraint, each violation named by its property path. */
    public static void check(Validator validator, Object request) {
        check(validator, request, v -> v.getPropertyPath() + ": " + v.getMessage());
    }

    /** Refuses {@code request} when it breaks a constraint, each violation named as {@code describe} says. */
    public static void check(Validator validator, Object request, Function<ConstraintViolation<?>, String> describe) {
        List<String> invalid = validator.validate(request).stream().map(describe).distinct().sorted().toList();
        if (!invalid.isEmpty()) throw new IllegalArgumentException(String.join("; ", invalid));
    }
}
