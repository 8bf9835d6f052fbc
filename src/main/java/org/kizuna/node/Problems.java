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

    /**
     * A problem whose detail is the message {@code code} of the node's catalogues ({@link Messages}) with
     * {@code args}, in the language the request is answered in, and whose title is the status's reason phrase
     * ({@link #titleCode}). Arguments that are {@link org.springframework.context.MessageSourceResolvable}
     * are themselves looked up, so a detail can name another message.
     */
    public static ErrorResponseException coded(HttpStatus status, String code, Object... args) {
        return new Coded(status, code, args.clone());
    }

    /** The message code of a problem's title: {@code problem.title.bad-request} for "Bad request". */
    public static String titleCode(String title) {
        return "problem.title." + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** A problem told by a message code; Spring MVC resolves it with the node's message source when it writes it. */
    public static class Coded extends ErrorResponseException {

        private final String code;
        private final Object[] args;

        protected Coded(HttpStatus status, String code, Object[] args) {
            super(status, ProblemDetail.forStatusAndDetail(status, code), null);
            this.code = code;
            this.args = args;
        }

        @Override
        public String getDetailMessageCode() {
            return code;
        }

        @Override
        public Object[] getDetailMessageArguments() {
            return args.clone();
        }

        @Override
        public String getTitleMessageCode() {
            return titleCode(HttpStatus.valueOf(getStatusCode().value()).getReasonPhrase());
        }
    }
}
