package org.kizuna.picture.abuse;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.kizuna.picture.net.CotServer;
import org.kizuna.picture.net.NodePki;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Everything the abuse harness reads from the node it runs in the same JVM, in one place: ports, the
 * node's PKI, open connections and refused inputs. Today's node counts CoT rejects as one total and the
 * picture keeps no count of refusals; when the node counts them by reason (and connections per
 * listener) only this class changes.
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

    /** Open connections: the CoT listeners' (both together today) and each HTTP connector's. */
    public Map<String, Integer> openConnections() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("cot", cot.connectionCount());
        if (context instanceof WebServerApplicationContext web && web.getWebServer() instanceof TomcatWebServer tomcat) {
            for (Connector c : tomcat.getTomcat().getService().findConnectors()) {
                if (c.getProtocolHandler() instanceof AbstractProtocol<?> p) {
                    m.put("http:" + c.getLocalPort(), (int) p.getConnectionCount());
                }
            }
        }
        return m;
    }

    /** CoT events the listeners refused, by reason. Today's node keeps one total: "all". */
    public Map<String, Long> cotRejectedByReason() {
        return Map.of("all", cot.rejectedEvents());
    }

    /** Events the picture refused, by reason. Today's picture keeps no such count (its refusals surface as CoT rejects). */
    public Map<String, Long> pictureRefusedByReason() {
        return Map.of();
    }

    /** CoT events taken into the picture. */
    public long cotIngested() {
        return cot.ingestedEvents();
    }
}
