package org.kizuna.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses every request of a user an administrator disabled, however it was authenticated: a console
 * session that signed in before the disable ends here (the session is invalidated), an API call gets the
 * same 401 problem as an unauthenticated one, a console page goes back to the login page. Runs after
 * Spring Security's filter chain (which put the request's user in the security context) and checks the
 * user against {@link DisabledUsers}, in memory.
 */
@Component
class DisabledUserFilter extends OncePerRequestFilter implements Ordered {

    private final DisabledUsers disabled;

    DisabledUserFilter(DisabledUsers disabled) {
        this.disabled = disabled;
    }

    /** After Spring Security's filter chain ({@code -100}), before anything that serves the request. */
    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof NodeUserDetails details && disabled.contains(details.getUsername())) {
            HttpSession session = request.getSession(false);
            if (session != null) session.invalidate();
            SecurityContextHolder.clearContext();
            refuse(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        writeUnauthorized(request, response);
    }

    /**
     * The 401 answer of an API request without a (usable) user: problem+json that asks for HTTP Basic or a
     * console session. The one place it is written, for the security chain and this filter alike.
     */
    static void writeUnauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader("WWW-Authenticate", "Basic realm=\"kizuna\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write("""
                        {"type":"about:blank","title":"Unauthorized","status":401,"detail":"Sign in: this endpoint needs a user (HTTP Basic or a console session).","instance":"%s"}"""
                        .formatted(request.getRequestURI().replace("\"", "").replace("\\", "")));
    }
}
