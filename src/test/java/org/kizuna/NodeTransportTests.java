package org.kizuna;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import org.kizuna.node.NodePki;
import org.kizuna.testing.H2Node;
import org.kizuna.testing.NodeTls;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

/**
 * The console and API over HTTPS with the node's certificate on every interface; plain HTTP only on the
 * loopback interface (where the tests' own client talks to the node).
 */
@H2Node
class NodeTransportTests {

    @Autowired ApplicationContext context;

    @Autowired NodePki pki;

    @Value("${local.https.port}") int httpsPort;

    @Value("${local.server.port}") int plainPort;

    @Test
    void theApiAnswersOverHttpsWithACertificateOfTheNodesOwnCa() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + "/api/v1/me"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("usa.officer:demo".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<String> response = NodeTls.trusting(pki.caCertificate()).send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"username\":\"usa.officer\"");
        SSLSession session = response.sslSession().orElseThrow();
        var serverCert = (java.security.cert.X509Certificate) session.getPeerCertificates()[0];
        assertThat(serverCert.getIssuerX500Principal()).isEqualTo(pki.caCertificate().getSubjectX500Principal());
        serverCert.verify(pki.caCertificate().getPublicKey());
        // browsers are told to stay on HTTPS
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void plainHttpIsBoundToLoopbackOnlyAndHttpsToEveryInterface() {
        List<NodeTls.Listener> listeners = NodeTls.listeners(context);
        NodeTls.Listener plain = listeners.stream().filter(l -> !l.secure()).findFirst().orElseThrow();
        NodeTls.Listener https = listeners.stream().filter(NodeTls.Listener::secure).findFirst().orElseThrow();
        assertThat(plain.port()).isEqualTo(plainPort);
        assertThat(plain.loopbackOnly()).as("plain HTTP bound to %s", plain.address()).isTrue();
        assertThat(https.port()).isEqualTo(httpsPort);
        assertThat(https.scheme()).isEqualTo("https");
        assertThat(https.address()).as("HTTPS on every interface").isNull();
        assertThat(listeners).hasSize(2);
    }
}
