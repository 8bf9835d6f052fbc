package org.kizuna.testing;

import java.net.http.HttpClient;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/** HTTPS clients that trust only a node's own CA, and the connectors a running node listens on. */
public final class NodeTls {

    private NodeTls() {
    }

    /** An HTTP client that trusts only {@code ca} (and checks the host name against the node's certificate). */
    public static HttpClient trusting(X509Certificate ca) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("node-ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(ssl).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What one Tomcat connector of a node listens on. */
    public record Listener(String scheme, boolean secure, int port, java.net.InetAddress address) {
        public boolean loopbackOnly() {
            return address != null && address.isLoopbackAddress();
        }
    }

    /** The connectors of a node's embedded Tomcat, as bound. */
    public static List<Listener> listeners(ApplicationContext context) {
        TomcatWebServer server = (TomcatWebServer) ((ServletWebServerApplicationContext) context).getWebServer();
        Connector[] connectors = server.getTomcat().getService().findConnectors();
        return Arrays.stream(connectors).map(c -> new Listener(c.getScheme(), c.getSecure(), c.getLocalPort(),
                c.getProtocolHandler() instanceof AbstractHttp11Protocol<?> p ? p.getAddress() : null)).toList();
    }
}
