package org.kizuna;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The node's error page: whatever went wrong outside a controller's own answers (an unexpected
 * exception, a refusal by the servlet container or the security filters) is answered as problem+json
 * with a message written here. An unexpected exception gives a 500 with an incident id that is logged
 * with the exception; neither its text nor any SQL reaches the client.
 */
@RestController
class NodeErrors implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(NodeErrors.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(status.getReasonPhrase());
        if (status.is5xxServerError()) {
            String incident = UUID.randomUUID().toString();
            problem.setDetail("The node could not answer this request. Incident " + incident + " is in the node's log.");
            problem.setProperty("incident", incident);
            if (failure instanceof Throwable t) {
                log.error("incident {}: {} {} failed", incident, request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), t.getClass().getSimpleName(), t);
            } else {
                log.error("incident {}: {} answered {}", incident, uri, status.value());
            }
        } else {
            problem.setDetail(detail(status));
        }
        if (uri instanceof String u) {
            problem.setInstance(java.net.URI.create(u.replaceAll("[^A-Za-z0-9/._~-]", "_")));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request could not be read.";
            case UNAUTHORIZED -> "Sign in: this needs a user (HTTP Basic or a console session).";
            case FORBIDDEN -> "Your user may not do this.";
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take this method.";
            case CONTENT_TOO_LARGE -> "The request is larger than the node accepts.";
            default -> status.getReasonPhrase() + ".";
        };
    }
}
