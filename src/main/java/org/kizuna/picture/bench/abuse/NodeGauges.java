package org.kizuna.picture.bench.abuse;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.kizuna.node.NodePki;
import org.kizuna.picture.internal.ingest.CotServer;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Everything the abuse harness reads from the node it runs in the same JVM, in one place: ports, the
 * node's PKI, open connections per listener and refused inputs by reason.
 */
public final class NodeGauges {

    private final ConfigurableApplicationContext context;
    private final CotServer cot;

    public NodeGauges(ConfigurableApplicationContext context) {
        this.context = context;
        this.cot = context.getBean(CotServer.class);
    }

    /** The plain HTTP port of the console and API (loopback). */
    public int httpPort() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "-1"));
    }

    public int cotPlainPort() {
        return cot.tcpPort();
    }

    public int cotTlsPort() {
        return cot.tlsPort();
    }

    NodePki pki() {
        return context.getBean(NodePki.class);
    }

    /** Open connections: each CoT listener's and each HTTP connector's. */
    public Map<String, Integer> openConnections() {
        Map<String, Integer> m = new LinkedHashMap<>();
        cot.openConnections().forEach((listener, n) -> m.put("cot:" + listener, n));
        if (context instanceof WebServerApplicationContext web && web.getWebServer() instanceof TomcatWebServer tomcat) {
            for (Connector c : tomcat.getTomcat().getService().findConnectors()) {
                if (c.getProtocolHandler() instanceof AbstractProtocol<?> p) {
                    m.put("http:" + c.getLocalPort(), (int) p.getConnectionCount());
                }
            }
        }
        return m;
    }

    /** CoT inputs and connections the listeners refused, by reason. */
    public Map<String, Long> cotRejectedByReason() {
        return cot.rejectedByReason();
    }

    /** Events the picture refused, by reason (time window, labels, caps). */
    public Map<String, Long> pictureRefusedByReason() {
        return context.getBean(org.kizuna.picture.internal.distribution.LivePicture.class).refusedByReason();
    }

    /** CoT events taken into the picture. */
    public long cotIngested() {
        return cot.ingestedEvents();
    }
}
