package org.kizuna.tak.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.kizuna.node.NodePki;
import org.kizuna.node.Revocations;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.kizuna.testing.NodeTls;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@H2Node
@TestPropertySource(properties = {"kizuna.https-port=0", "kizuna.cot.tls-port=0", "kizuna.cot.tcp-port=-1", "kizuna.tak.host=localhost"})
class TakApiOnH2Tests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired Environment environment;
    @Autowired NodePki pki;
    @Autowired Revocations revocations;

    int httpsPort() {
        return environment.getRequiredProperty("local.https.port", Integer.class);
    }

    HttpResponse<byte[]> call(HttpClient client, String method, String path, HttpRequest.BodyPublisher body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort() + path)).method(method, body);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpClient withCertificate(NodePki.Issued issued) {
        return HttpClient.newBuilder().sslContext(pki.clientContext(issued)).build();
    }

    static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static String csr(String cn) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        var req = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + cn + ",O=TAK"), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
        return "-----BEGIN CERTIFICATE REQUEST-----\n" + Base64.getMimeEncoder().encodeToString(req.getEncoded()) + "\n-----END CERTIFICATE REQUEST-----\n";
    }

    @Test
    void theConsoleHandsAUserItsConnectionPackageNamingTheNodesCotTlsPort() throws Exception {
        Api.Response info = Api.on(port).as("jpn.officer", "demo").get("/api/v1/tak/connection");
        int cotTls = environment.getRequiredProperty("local.cot.tls.port", Integer.class);
        assertThat(info.json().get("connectString").asString()).isEqualTo("localhost:" + cotTls + ":ssl");

        HttpResponse<byte[]> zip = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tak/connection-package"))
                        .header("Authorization", basic("jpn.officer", "demo")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Disposition").orElse("")).contains("jpn.officer-kizuna.zip");
        String pref = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("certs/kizuna.pref")) pref = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        }
        assertThat(pref).contains(">localhost:" + cotTls + ":ssl<", "cert/jpn.officer.p12");
    }

    @Test
    void theEnrollmentQrCodeCarriesATokenThatEnrollsOnceAndNeverThePassword() throws Exception {
        Api.Response r = Api.on(port).as("jpn.officer", "demo").post("/api/v1/tak/enrollment", "");
        assertThat(r.status()).isEqualTo(200);
        String url = r.json().get("url").asString();
        Matcher m = Pattern.compile("tak://com\\.atakmap\\.app/enroll\\?host=localhost&username=jpn\\.officer&token=([A-Za-z0-9_-]{24})").matcher(url);
        assertThat(m.matches()).as(url).isTrue();
        assertThat(url).doesNotContain("demo");
        assertThat(decode(r.json().get("svg").asString())).isEqualTo(url);

        HttpClient noCert = NodeTls.trusting(pki.caCertificate());
        String token = m.group(1);
        HttpResponse<byte[]> config = call(noCert, "GET", "/Marti/api/tls/config", HttpRequest.BodyPublishers.noBody(), "Authorization",
                basic("jpn.officer", token));
        assertThat(new String(config.body(), StandardCharsets.UTF_8)).contains("name=\"OU\" value=\"JPN\"");
        HttpResponse<byte[]> signed = call(noCert, "POST", "/Marti/api/tls/signClient/v2?clientUid=ANDROID-1&version=3",
                HttpRequest.BodyPublishers.ofString(csr("someone-else")), "Authorization", basic("jpn.officer", token), "Accept", "application/json");
        assertThat(signed.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(signed.body());
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(body.get("signedCert").asString())));
        cert.verify(pki.caCertificate().getPublicKey());
        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=jpn.officer", "OU=JPN").doesNotContain("someone-else");
        // spent: the same token enrolls nothing more
        HttpResponse<byte[]> again = call(noCert, "POST", "/Marti/api/tls/signClient/v2", HttpRequest.BodyPublishers.ofString(csr("x")), "Authorization",
                basic("jpn.officer", token));
        assertThat(again.statusCode()).isEqualTo(401);
    }

    @Test
    void martiNeverRedirectsAndAPasswordIsGoodForEnrollmentOnly() throws Exception {
        HttpClient noCert = NodeTls.trusting(pki.caCertificate());
        HttpResponse<byte[]> anonymous = call(noCert, "GET", "/Marti/api/version", HttpRequest.BodyPublishers.noBody());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpResponse<byte[]> password = call(noCert, "GET", "/Marti/sync/search", HttpRequest.BodyPublishers.noBody(), "Authorization",
                basic("jpn.officer", "demo"));
        assertThat(password.statusCode()).isEqualTo(403);
        HttpResponse<byte[]> enroll = call(noCert, "POST", "/Marti/api/tls/signClient/v2", HttpRequest.BodyPublishers.ofString(csr("jpn.officer")),
                "Authorization", basic("jpn.officer", "demo"));
        assertThat(enroll.statusCode()).isEqualTo(200);
        assertThat(new String(enroll.body(), StandardCharsets.UTF_8)).startsWith("<?xml").contains("<signedCert>", "<ca>");
        HttpResponse<byte[]> wrong = call(noCert, "POST", "/Marti/api/tls/signClient/v2", HttpRequest.BodyPublishers.ofString(csr("jpn.officer")),
                "Authorization", basic("jpn.officer", "wrong"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<byte[]> garbage = call(noCert, "POST", "/Marti/api/tls/signClient/v2", HttpRequest.BodyPublishers.ofString("not a csr"),
                "Authorization", basic("jpn.officer", "demo"));
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(new String(garbage.body(), StandardCharsets.UTF_8)).contains("body: not a certificate signing request");
    }

    @Test
    void dataPackagesCarryTheUploadersLabelAndAPackageAReaderMayNotReadIsNotFoundLikeAMissingOne() throws Exception {
        HttpClient jpn = withCertificate(pki.issueClient("jpn.officer", "JPN", "SECRET"));
        HttpClient usa = withCertificate(pki.issueClient("usa.clerk", "USA", "CONFIDENTIAL"));
        assertThat(new String(call(jpn, "GET", "/Marti/api/version", HttpRequest.BodyPublishers.noBody()).body(), StandardCharsets.UTF_8))
                .startsWith("Kizuna ");
        JsonNode config = JSON.readTree(call(jpn, "GET", "/Marti/api/version/config", HttpRequest.BodyPublishers.noBody()).body());
        assertThat(config.get("data").get("api").asString()).isEqualTo("3");

        byte[] content = ("kizuna package " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        String hash = DataPackages.sha256(content);
        String boundary = "kizuna-boundary";
        String multipart = "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"assetfile\"; filename=\"plan.zip\"\r\nContent-Type: application/zip\r\n\r\n"
                + new String(content, StandardCharsets.UTF_8) + "\r\n--" + boundary + "--\r\n";
        String query = "/Marti/sync/missionupload?filename=plan.zip&creatorUid=ANDROID-J&keyword=missionpackage&hash=" + hash;
        // without a default label, a JPN user's reports are JPN-only, which this USA node may not hold: refused, nothing stored
        Api admin = Api.on(port).as("usa.admin", "demo");
        assertThat(admin.put("/api/v1/users/jpn.officer/default-label", "{\"label\": null}").status()).isEqualTo(200);
        HttpResponse<byte[]> refused = call(jpn, "POST", query, HttpRequest.BodyPublishers.ofString(multipart), "Content-Type",
                "multipart/form-data; boundary=" + boundary);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("label: this node may not hold //JPN SECRET");
        assertThat(call(jpn, "GET", "/Marti/sync/content?hash=" + hash, HttpRequest.BodyPublishers.noBody()).statusCode()).isEqualTo(404);
        // the uploader's default label, as on the CoT path
        assertThat(admin.put("/api/v1/users/jpn.officer/default-label", "{\"label\": \"SECRET//REL TO USA, JPN\"}").status()).isEqualTo(200);
        HttpResponse<byte[]> up = call(jpn, "POST", "/Marti/sync/missionupload?filename=plan.zip&creatorUid=ANDROID-J&keyword=missionpackage&hash=" + hash,
                HttpRequest.BodyPublishers.ofString(multipart), "Content-Type", "multipart/form-data; boundary=" + boundary);
        assertThat(up.statusCode()).as(new String(up.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(new String(up.body(), StandardCharsets.UTF_8)).endsWith("/Marti/sync/content?hash=" + hash);

        JsonNode mine = JSON.readTree(call(jpn, "GET", "/Marti/sync/search?keywords=missionpackage", HttpRequest.BodyPublishers.noBody()).body());
        assertThat(mine.get("results").valueStream().map(p -> p.get("Hash").asString())).contains(hash);
        JsonNode listed = mine.get("results").valueStream().filter(p -> p.get("Hash").asString().equals(hash)).findFirst().orElseThrow();
        assertThat(listed.get("Label").asString()).isEqualTo("SECRET//REL TO USA, JPN");
        assertThat(call(jpn, "GET", "/Marti/sync/content?hash=" + hash, HttpRequest.BodyPublishers.noBody()).body()).isEqualTo(content);

        // a USA reader below SECRET: not listed, not counted, and "not found" with the text of a package that does not exist
        JsonNode theirs = JSON.readTree(call(usa, "GET", "/Marti/sync/search?keywords=missionpackage", HttpRequest.BodyPublishers.noBody()).body());
        assertThat(theirs.get("results").valueStream().map(p -> p.get("Hash").asString())).doesNotContain(hash);
        assertThat(theirs.get("resultCount").asInt()).isEqualTo(theirs.get("results").size());
        HttpResponse<byte[]> hidden = call(usa, "GET", "/Marti/sync/content?hash=" + hash, HttpRequest.BodyPublishers.noBody());
        String missingHash = "0".repeat(64);
        HttpResponse<byte[]> missing = call(usa, "GET", "/Marti/sync/content?hash=" + missingHash, HttpRequest.BodyPublishers.noBody());
        assertThat(hidden.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
        assertThat(JSON.readTree(hidden.body()).get("detail").asString().replace(hash, "H"))
                .isEqualTo(JSON.readTree(missing.body()).get("detail").asString().replace(missingHash, "H"));
    }

    @Test
    void aRevokedCertificateIsRefused() throws Exception {
        NodePki.Issued issued = pki.issueClient("jpn.clerk", "JPN", "CONFIDENTIAL");
        HttpClient client = withCertificate(issued);
        assertThat(call(client, "GET", "/Marti/api/clientEndPoints", HttpRequest.BodyPublishers.noBody()).statusCode()).isEqualTo(200);
        Revocations.revoke(pki.directory(), "jpn.clerk");
        revocations.refresh();
        assertThat(call(withCertificate(issued), "GET", "/Marti/api/clientEndPoints", HttpRequest.BodyPublishers.noBody()).statusCode()).isEqualTo(401);
    }

    /** Draws the SVG's modules into an image and reads it back with ZXing's QR reader. */
    static String decode(String svg) throws Exception {
        Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(size.find()).isTrue();
        int n = Integer.parseInt(size.group(1)), scale = 4;
        BufferedImage img = new BufferedImage(n * scale, n * scale, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, n * scale, n * scale);
        g.setColor(java.awt.Color.BLACK);
        Matcher m = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg);
        while (m.find()) g.fillRect(Integer.parseInt(m.group(1)) * scale, Integer.parseInt(m.group(2)) * scale, scale, scale);
        g.dispose();
        return new QRCodeReader().decode(
                new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(n * scale, n * scale, img.getRGB(0, 0, n * scale, n * scale, null, 0, n * scale)))),
                Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
