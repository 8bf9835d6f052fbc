package org.kizuna.booking.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The booking API's errors as problem+json: the booking module's own messages for bad input (400),
 * refusals as they are (403, 404, 422), and anything else as a 500 that says nothing of the exception or
 * SQL behind it (the log has it).
 */
@RestControllerAdvice(assignableTypes = BookingController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BookingErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(BookingErrors.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad request");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail failed(Exception e) {
        log.error("booking request failed", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the booking service could not complete this request; it was not carried out");
        problem.setTitle("Booking failed");
        return problem;
    }
}
