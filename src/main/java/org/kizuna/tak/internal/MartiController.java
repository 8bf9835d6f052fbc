package org.kizuna.tak.internal;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.jspecify.annotations.Nullable;
import org.kizuna.identity.KizunaUser;
import org.kizuna.node.NodePki;
import org.kizuna.node.NodeSettings;
import org.kizuna.node.Problems;
import org.kizuna.picture.Picture;
import org.kizuna.picture.TrackView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The TAK server REST calls a client makes to learn about the server and to enroll: version, configuration,
 * the client end points it may see, and certificate enrollment ({@code tls/config}, {@code tls/signClient/v2}).
 */
@RestController
class MartiController {

    private static final Logger log = LoggerFactory.getLogger(MartiController.class);
    static final String API_VERSION = "3";
    private static final int MAX_CSR = 16 * 1024;

    private final TakConfiguration.TakCallers callers;
    private final NodePki pki;
    private final NodeSettings node;
    private final TakEndpoint endpoint;
    private final Picture picture;
    private final EnrollmentTokens tokens;

    MartiController(TakConfiguration.TakCallers callers, NodePki pki, NodeSettings node, TakEndpoint endpoint, Picture picture, EnrollmentTokens tokens) {
        this.callers = callers;
        this.pki = pki;
        this.node = node;
        this.endpoint = endpoint;
        this.picture = picture;
        this.tokens = tokens;
    }

    @GetMapping(value = "/Marti/api/version", produces = MediaType.TEXT_PLAIN_VALUE)
    String version() {
        return "Kizuna " + version(node);
    }

    @GetMapping(value = "/Marti/api/version/config", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> config() {
        return envelope("ServerConfig", Map.of("version", "Kizuna " + version(node), "api", API_VERSION, "hostname", endpoint.host()));
    }

    /**
     * The clients the caller may see: the self-reported tracks of the picture the caller may read (decided by the
     * picture per reader and label), newest first, as TAK's client end points.
     */
    @GetMapping(value = "/Marti/api/clientEndPoints", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> clientEndPoints() {
        KizunaUser user = callers.current();
        List<Map<String, Object>> data = new ArrayList<>();
        picture.tracks(user.reader()).stream().filter(TrackView::selfReported)
                .sorted((a, b) -> b.lastUpdate().compareTo(a.lastUpdate()))
                .forEach(t -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("uid", t.id());
                    m.put("callsign", t.callsign());
                    m.put("lastEventTime", t.lastUpdate().toString());
                    m.put("lastStatus", "Connected");
                    m.put("groups", List.of());
                    data.add(m);
                });
        return envelope("com.bbn.marti.remote.ClientEndpoint", data);
    }

    /**
     * What an enrolling client puts in its certificate request (the node writes its own subject whatever the request
     * says): open to callers without credentials, as TAK clients ask before they present any; OU is the caller's
     * nation when the call carries a caller, else the node's.
     */
    @GetMapping(value = "/Marti/api/tls/config", produces = MediaType.APPLICATION_XML_VALUE)
    String tlsConfig() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<ns2:certificateConfig xmlns=\"http://bbn.com/marti/xml/config\" xmlns:ns2=\"com.bbn.marti.config\">"
                + "<nameEntries><nameEntry name=\"O\" value=\"Kizuna\"/><nameEntry name=\"OU\" value=\""
                + callers.find().map(KizunaUser::nation).orElse(node.nation()) + "\"/></nameEntries>"
                + "</ns2:certificateConfig>";
    }

    /**
     * Signs the caller's certificate request: the certificate names the caller (the authenticated user, whatever
     * name the request gives), its nation and clearance from the node's record, and is listed as issued so that
     * {@code certs revoke} reaches it. Answers JSON ({@code signedCert}, {@code ca0}) when asked for, else TAK's XML.
     */
    @PostMapping("/Marti/api/tls/signClient/v2")
    ResponseEntity<?> signClient(@RequestBody(required = false) @Nullable String body, @RequestParam(required = false) @Nullable String clientUid,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        KizunaUser user = callers.current();
        if (body == null || body.isBlank()) throw Problems.of(HttpStatus.BAD_REQUEST, "body: a certificate signing request (PKCS#10, PEM or base64) is needed");
        if (body.length() > MAX_CSR) throw Problems.of(HttpStatus.BAD_REQUEST, "body: a certificate signing request is at most " + MAX_CSR + " characters");
        if (clientUid != null && clientUid.length() > 256) throw Problems.of(HttpStatus.BAD_REQUEST, "clientUid: at most 256 characters");
        JcaPKCS10CertificationRequest csr;
        try {
            String b64 = body.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
            csr = new JcaPKCS10CertificationRequest(new PKCS10CertificationRequest(Base64.getDecoder().decode(b64)));
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(csr.getSubjectPublicKeyInfo()))) {
                throw Problems.of(HttpStatus.BAD_REQUEST, "body: the certificate signing request's signature does not verify");
            }
        } catch (org.springframework.web.ErrorResponseException e) {
            throw e;
        } catch (Exception e) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "body: not a certificate signing request (PKCS#10, PEM or base64)");
        }
        X509Certificate cert;
        try {
            cert = pki.signClient(user.username(), user.nation(), user.clearance(), csr.getPublicKey());
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "body: the request's public key cannot be certified");
        }
        tokens.spend(user.username());
        log.info("TAK enrollment: certificate serial {} signed for {} (client {})", cert.getSerialNumber().toString(16), user.username(),
                clientUid == null ? "-" : clientUid.replaceAll("[^\\w .()@-]", "?"));
        String signed = der(cert), ca = der(pki.caCertificate());
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("signedCert", signed, "ca0", ca));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .body("<?xml version=\"1.0\" encoding=\"UTF-8\"?><enrollment><signedCert>" + signed + "</signedCert><ca>" + ca + "</ca></enrollment>");
    }

    static Map<String, Object> envelope(String type, Object data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", API_VERSION);
        m.put("type", type);
        m.put("data", data);
        m.put("nodeId", "kizuna");
        return m;
    }

    private static String der(X509Certificate cert) {
        try {
            return Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String version(NodeSettings node) {
        Package p = MartiController.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return (v == null ? "dev" : v) + " (" + node.nation() + ")";
    }
}
