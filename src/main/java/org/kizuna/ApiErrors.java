package org.kizuna;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.kizuna.node.Problems;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Turns every API error into RFC 9457 problem+json with a message that says what was wrong. Spring's
 * own exceptions (unknown path, unsupported method) are handled by the base class; an unreadable body
 * says whether it was too large or nested too deeply, never what the parser said; a parameter of the
 * wrong type says what it must be; input that breaks its Bean Validation constraints (a {@code @Valid}
 * request body, a constrained parameter) names each field with what is wrong with it.
 * Anything unexpected reaches {@link NodeErrors}, which answers a generic 500 with an incident id.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    /**
     * Input a service refused; one told by a message code ({@code CodedArgumentException}, a marking's
     * {@code InvalidMarkingException}) is answered in the reader's language, any other with its message as it is.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        MessageSource messages = getMessageSource();
        String detail = e instanceof MessageSourceResolvable coded && messages != null
                ? messages.getMessage(coded, LocaleContextHolder.getLocale())
                : e.getMessage();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Bad request");
        return localizedTitle(problem);
    }

    /** Every problem's title in the reader's language, where the catalogues have it ({@code problem.title.<title>}). */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) localizedTitle(problem);
        return response;
    }

    private ProblemDetail localizedTitle(ProblemDetail problem) {
        MessageSource messages = getMessageSource();
        String title = problem.getTitle();
        if (messages != null && title != null) {
            problem.setTitle(messages.getMessage(Problems.titleCode(title), null, title, LocaleContextHolder.getLocale()));
        }
        return problem;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        RequestLimits.BodyTooLarge tooLarge = cause(ex, RequestLimits.BodyTooLarge.class);
        ProblemDetail problem;
        if (tooLarge != null) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    text("problem.body.too-large", tooLargeDetail(tooLarge.limit), tooLarge.limit));
            problem.setTitle("Request body too large");
        } else if (cause(ex, StreamConstraintsException.class) != null) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("problem.body.beyond-limits",
                    "The request body is refused: it is nested too deeply or exceeds the node's limits for JSON documents."));
            problem.setTitle("Bad request");
        } else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    text("problem.body.unreadable", "The request body could not be read: it is not in the form this endpoint takes."));
            problem.setTitle("Bad request");
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    /** A {@code @Valid} request body that breaks its constraints: {@code field: message} for each. */
    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return invalid(ex, violations(ex.getBindingResult()), headers, request);
    }

    /** Constrained parameters (and bodies validated with them) that break their constraints: {@code name: message} for each. */
    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Stream<String> parameters = ex.getParameterValidationResults().stream().flatMap(r -> r instanceof ParameterErrors errors
                ? violations(errors)
                : r.getResolvableErrors().stream().map(e -> name(r.getMethodParameter().getParameterName(), e)));
        Stream<String> crossParameter = ex.getCrossParameterValidationResults().stream().map(e -> name(null, e));
        return invalid(ex, Stream.concat(parameters, crossParameter), headers, request);
    }

    /** A parameter of the wrong type ({@code asOf=14.03.2005}, {@code limit=ten}): what it must be, and what it got. */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String name = ex.getPropertyName() == null ? text("problem.parameter.unnamed", "a parameter") : ex.getPropertyName();
        String got = String.valueOf(ex.getValue());
        if (got.length() > 100) got = got.substring(0, 100) + "...";
        String[] form = form(ex.getRequiredType());
        String must = text(form[0], form[1]);
        return invalid(ex, Stream.of(text("problem.parameter.type", name + " must be " + must + "; got '" + got + "'", name, must, got)), headers,
                request);
    }

    /** The message code of the form a parameter must have, and its English text. */
    private static String[] form(@Nullable Class<?> type) {
        if (type == LocalDate.class) return new String[]{"problem.form.date", "a date in ISO form YYYY-MM-DD, such as 2005-03-14"};
        if (type == Instant.class) return new String[]{"problem.form.instant", "an instant in ISO 8601 form, such as 2026-12-01T00:00:00Z"};
        if (type == java.time.YearMonth.class) return new String[]{"problem.form.month", "a month in ISO form YYYY-MM, such as 2026-11"};
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return new String[]{"problem.form.whole-number", "a whole number"};
        }
        if (type == boolean.class || type == Boolean.class) return new String[]{"problem.form.boolean", "true or false"};
        return new String[]{"problem.form.other", "of the form this endpoint takes"};
    }

    /** The message {@code code} in the reader's language, or {@code english} where no catalogue has it. */
    private String text(String code, String english, Object... args) {
        MessageSource messages = getMessageSource();
        return messages == null
                ? english
                : java.util.Objects.requireNonNullElse(messages.getMessage(code, args, english, LocaleContextHolder.getLocale()), english);
    }

    private Stream<String> violations(Errors errors) {
        return errors.getAllErrors().stream().map(e -> name(e instanceof FieldError f ? f.getField() : null, e));
    }

    /** {@code field: message}; an element of a list counts as the list ({@code facilities[3]} is {@code facilities}). */
    private String name(@Nullable String field, MessageSourceResolvable error) {
        String message = error.getDefaultMessage() == null ? text("problem.field.invalid", "is not valid") : error.getDefaultMessage();
        return field == null || field.isEmpty() ? message : field.replaceAll("\\[[^]]*]", "") + ": " + message;
    }

    /** 400 with every violation, sorted, in one detail. */
    private @Nullable ResponseEntity<Object> invalid(Exception ex, Stream<String> violations, HttpHeaders headers, WebRequest request) {
        List<String> all = violations.distinct().sorted().toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                all.isEmpty() ? text("problem.request.invalid", "The request is not valid.") : String.join("; ", all));
        problem.setTitle("Bad request");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    static String tooLargeDetail(long limit) {
        return "The request body is larger than the node accepts (" + limit + " bytes).";
    }

    /** The 413 problem the body limit writes before Spring sees the request. */
    static String tooLargeJson(long limit, String uri) {
        return """
                {"type":"about:blank","title":"Request body too large","status":413,"detail":"%s","instance":"%s"}"""
                .formatted(tooLargeDetail(limit), uri.replace("\\", "").replace("\"", ""));
    }

    @SuppressWarnings("ReferenceEquality") // a throwable without a cause reports itself: identity is the point
    private static boolean isItsOwnCause(Throwable t) {
        return t.getCause() == t;
    }

    private static <T extends Throwable> @Nullable T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
            if (isItsOwnCause(t)) break;
        }
        return null;
    }
}
