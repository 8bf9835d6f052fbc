package org.kizuna.tak.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.UserDirectory;
import org.kizuna.node.NodePki;
import org.kizuna.node.Revocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates calls under {@code /Marti}: a client certificate (the HTTPS connector asks for one and
 * trusts only the node's CA) names a user ({@code CN}) and nation ({@code OU}); the user must be one the node
 * knows, enabled, of that nation, and the certificate not revoked ({@link Revocations}). A certificate that
 * fails any of these is refused with 401, whatever else the call carries. Without a certificate, the
 * enrollment calls ({@code /Marti/api/tls/...}) may carry HTTP Basic with a user's live enrollment token in
 * place of the password; a password itself is checked by the node's ordinary Basic login, with its throttle.
 */
final class TakAuthentication extends OncePerRequestFilter {

    static final String CERTIFICATE = "TAK_CERTIFICATE";
    static final String ENROLLMENT = "TAK_ENROLLMENT";
    private static final Logger log = LoggerFactory.getLogger(TakAuthentication.class);

    private final UserDirectory users;
    private final Revocations revocations;
    private final EnrollmentTokens tokens;

    TakAuthentication(UserDirectory users, Revocations revocations, EnrollmentTokens tokens) {
        this.users = users;
        this.revocations = revocations;
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        Object certs = request.getAttribute("jakarta.servlet.request.X509Certificate");
        if (certs instanceof X509Certificate[] chainCerts && chainCerts.length > 0) {
            Optional<KizunaUser> user = certificateUser(chainCerts[0]);
            if (user.isEmpty()) {
                unauthorized(request, response, "the client certificate is not one of a known, enabled user of this node, or it is revoked");
                return;
            }
            authenticate(new TakCaller(user.get(), TakCaller.How.CERTIFICATE), CERTIFICATE);
        } else if (request.getRequestURI().startsWith("/Marti/api/tls/")) {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    decoded = "";
                }
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    String name = decoded.substring(0, colon), secret = decoded.substring(colon + 1);
                    if (tokens.matches(name, secret) && !users.isDisabled(name)) {
                        Optional<KizunaUser> user = users.find(name);
                        if (user.isPresent()) authenticate(new TakCaller(user.get(), TakCaller.How.ENROLLMENT_TOKEN), ENROLLMENT);
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }

    private Optional<KizunaUser> certificateUser(X509Certificate cert) {
        String name = NodePki.attribute(cert, BCStyle.CN), nation = NodePki.attribute(cert, BCStyle.OU);
        if (name == null || nation == null) return Optional.empty();
        if (revocations.isRevoked(cert)) {
            log.info("TAK API: refused the revoked certificate of {} (serial {})", name, cert.getSerialNumber().toString(16));
            return Optional.empty();
        }
        return users.find(name).filter(u -> u.nation().equals(nation) && !users.isDisabled(name));
    }

    private static void authenticate(TakCaller caller, String authority) {
        var auth = new UsernamePasswordAuthenticationToken(caller, null, List.of(new SimpleGrantedAuthority(authority)));
        SecurityContextHolder.getContext().setAuthentication(auth);
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setStatus(401);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String json = "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"" + detail.replace("\"", "'")
                + "\",\"instance\":\"" + request.getRequestURI().replace("\"", "%22") + "\"}";
        response.getWriter().write(json);
    }
}
