package org.kizuna.node;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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
     * {@code args}, in the language the request is answered in (Spring MVC resolves it when it writes the problem), and
     * in English in the exception itself (the node's log, callers inside the node, tests); its title is the status's
     * reason phrase ({@link #titleCode}). Arguments made with {@link #part} are themselves messages.
     */
    public static ErrorResponseException coded(HttpStatus status, String code, Object... args) {
        return new Coded(status, HttpStatus.valueOf(status.value()).getReasonPhrase(), code, args.clone());
    }

    /** 400 Bad request, told by the message {@code code} with {@code args} (as {@link #coded}). */
    public static ErrorResponseException badRequest(String code, Object... args) {
        return told(HttpStatus.BAD_REQUEST, "Bad request", code, args);
    }

    /**
     * 404 Not found, told by the message {@code code} with {@code args} (as {@link #coded}): the one answer for what does
     * not exist and for what the reader may not read.
     */
    public static ErrorResponseException notFound(String code, Object... args) {
        return told(HttpStatus.NOT_FOUND, "Not found", code, args);
    }

    /** A value the client sent, as a problem repeats it: its first {@code max} characters, then "..." where it was longer. */
    public static String shown(String value, int max) {
        return value.length() > max ? value.substring(0, max) + "..." : value;
    }

    /** A problem with a title of its own ({@code problem.title.<title>} in the catalogues), told by the message {@code code}. */
    public static ErrorResponseException told(HttpStatus status, String title, String code, Object... args) {
        return new Coded(status, title, code, args.clone());
    }

    /** A part of a problem's text that is itself a message, resolved in the reader's language with the rest. */
    public static MessageSourceResolvable part(String code, Object... args) {
        return new DefaultMessageSourceResolvable(new String[]{code}, args);
    }

    /** The message code of a problem's title: {@code problem.title.bad-request} for "Bad request". */
    public static String titleCode(String title) {
        return "problem.title." + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** The message catalogues in English, for the detail a problem carries in itself. */
    private static final class English {
        static final Messages TEXTS = Messages.load();

        static Object[] args(Object[] args) {
            Object[] out = args.clone();
            for (int i = 0; i < out.length; i++) {
                if (out[i] instanceof MessageSourceResolvable r) {
                    String[] codes = r.getCodes();
                    Object[] inner = r.getArguments();
                    if (codes != null && codes.length > 0) out[i] = TEXTS.text(codes[0], Locale.ENGLISH, args(inner == null ? new Object[0] : inner));
                }
            }
            return out;
        }
    }

    /** A problem told by a message code; Spring MVC resolves it with the node's message source when it writes it. */
    public static class Coded extends ErrorResponseException {

        private final String title;
        private final String code;
        private final Object[] args;

        protected Coded(HttpStatus status, String title, String code, Object[] args) {
            super(status, ProblemDetail.forStatusAndDetail(status, code), null);
            this.title = title;
            this.code = code;
            this.args = args;
            getBody().setTitle(title);
            getBody().setDetail(English.TEXTS.text(code, Locale.ENGLISH, English.args(args)));
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
            return titleCode(title);
        }
    }
}
