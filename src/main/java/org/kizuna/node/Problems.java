package org.kizuna.node;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The answers a controller gives when it cannot do what was asked: an {@link ErrorResponseException} that Spring
 * MVC writes as RFC 9457 problem+json with the status, a title and a detail that says what was wrong. Every
 * module's controllers throw these instead of building a {@link ProblemDetail} of their own.
 */
public final class Problems {

    private Problems() {
    }

    /** A problem whose title is the status's reason phrase ({@code Not Found}, {@code Bad Request} ...). */
    public static ErrorResponseException of(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    /** A problem with a title of its own. */
    public static ErrorResponseException of(HttpStatus status, String title, String detail) {
        return of(status, title, detail, null);
    }

    /** A problem with a title of its own, caused by {@code cause} (kept for the node's log, never shown to the client). */
    public static ErrorResponseException of(HttpStatus status, String title, String detail, @Nullable Throwable cause) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, cause);
    }
}
