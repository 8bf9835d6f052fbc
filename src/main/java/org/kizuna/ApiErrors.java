package org.kizuna;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Turns every API error into RFC 9457 problem+json with a message that says what was wrong. Spring's
 * own exceptions (unknown path, bad parameter type, unreadable body) are handled by the base class;
 * an unreadable body says whether it was too large or nested too deeply, never what the parser said.
 * Anything unexpected reaches {@link NodeErrors}, which answers a generic 500 with an incident id.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad request");
        return problem;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        RequestLimits.BodyTooLarge tooLarge = cause(ex, RequestLimits.BodyTooLarge.class);
        ProblemDetail problem;
        if (tooLarge != null) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLargeDetail(tooLarge.limit));
            problem.setTitle("Request body too large");
        } else if (cause(ex, StreamConstraintsException.class) != null) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The request body is refused: it is nested too deeply or exceeds the node's limits for JSON documents.");
            problem.setTitle("Bad request");
        } else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The request body could not be read: it is not in the form this endpoint takes.");
            problem.setTitle("Bad request");
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
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

    private static <T extends Throwable> @Nullable T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
            if (t.getCause() == t) break;
        }
        return null;
    }
}
