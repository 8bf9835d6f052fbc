package org.kizuna.tak.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.kizuna.identity.CurrentUser;
import org.kizuna.identity.KizunaUser;
import org.kizuna.node.NodePki;
import org.kizuna.node.Problems;
import org.kizuna.node.TakConnectionPackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's TAK page: the signed-in user's own connection data package (a new client certificate of the
 * node's CA for that user, in the zip TAK clients import) and an enrollment QR code (a link with a short-lived
 * enrollment token, never a password). Each is for the signed-in user alone; nobody gets another user's.
 */
@RestController
@RequestMapping("/api/v1/tak")
class OnboardingController {

    private static final Logger log = LoggerFactory.getLogger(OnboardingController.class);

    /** Where a client connects, as the TAK page shows it. */
    record Connection(String host, int cotTlsPort, int httpsPort, String connectString) {
    }

    /** An enrollment link, its QR code (SVG) and when its token stops working. */
    record Enrollment(String url, String svg, String username, String host, Instant expires) {
    }

    private final CurrentUser current;
    private final NodePki pki;
    private final TakEndpoint endpoint;
    private final EnrollmentTokens tokens;

    OnboardingController(CurrentUser current, NodePki pki, TakEndpoint endpoint, EnrollmentTokens tokens) {
        this.current = current;
        this.pki = pki;
        this.endpoint = endpoint;
        this.tokens = tokens;
    }

    @GetMapping("/connection")
    Connection connection() {
        return new Connection(endpoint.host(), endpoint.cotTlsPort(), endpoint.httpsPort(), endpoint.host() + ":" + endpoint.cotTlsPort() + ":ssl");
    }

    /** A new client certificate for the signed-in user, in a connection data package (the zip's passwords are inside it). */
    @PostMapping("/connection-package")
    ResponseEntity<byte[]> connectionPackage() {
        KizunaUser user = user();
        NodePki.Issued issued = pki.issueClient(user.username(), user.nation(), user.clearance());
        TakConnectionPackage written = TakConnectionPackage.of(pki, issued, endpoint.host(), endpoint.cotTlsPort());
        log.info("TAK connection package issued to {} (certificate serial {})", user.username(), issued.certificate().getSerialNumber().toString(16));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(user.username() + "-kizuna.zip").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.parseMediaType("application/zip")).body(written.zip());
    }

    /** A new enrollment token for the signed-in user (replacing any earlier one), as a link and its QR code. */
    @PostMapping("/enrollment")
    ResponseEntity<Enrollment> enrollment() {
        KizunaUser user = user();
        EnrollmentTokens.Issued token;
        try {
            token = tokens.issue(user.username());
        } catch (IllegalStateException e) {
            throw Problems.coded(HttpStatus.SERVICE_UNAVAILABLE, "tak.enrollment.full");
        }
        String host = endpoint.host();
        String url = "tak://com.atakmap.app/enroll?host=" + enc(host) + "&username=" + enc(user.username()) + "&token=" + enc(token.token());
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new Enrollment(url, QrSvg.of(url), user.username(), host, token.expires()));
    }

    private KizunaUser user() {
        return current.get().orElseThrow(() -> Problems.coded(HttpStatus.UNAUTHORIZED, "tak.signIn"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
