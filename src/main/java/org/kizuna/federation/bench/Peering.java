package org.kizuna.federation.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kizuna.node.NodeDirectory;
import org.kizuna.node.NodePki;

/**
 * Nodes on one machine peered with each other, as an operator would do it by hand: each node's CA is created (or
 * read) under its data directory, and each node's configuration names its peers with their CA certificate and the
 * fingerprint the operator compared ({@code kizuna.federation.peers[i].approved-fingerprint}).
 */
public final class Peering {

    private Peering() {
    }

    /** A node: its nation, data directory and federation port. */
    public record Node(String nation, Path dataDir, int federationPort) {
    }

    /** A peer as a node reaches it: its nation, its address and its data directory (where its CA certificate is). */
    public record Peer(String nation, String address, Path dataDir) {

        public static Peer of(Node node) {
            return new Peer(node.nation(), "127.0.0.1:" + node.federationPort(), node.dataDir());
        }
    }

    /** Creates the node's data directory and CA if they do not exist yet; answers the CA certificate's file. */
    public static Path ca(String nation, Path dataDir) {
        try {
            NodeDirectory.createPrivate(dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dataDir + ": " + e.getMessage(), e);
        }
        NodePki.loadOrCreate(dataDir.resolve("pki"), nation);
        return dataDir.resolve("pki").resolve("ca.crt.pem");
    }

    /** The SHA-256 fingerprint of a certificate file (PEM), as {@code AB:CD:...}. */
    public static String fingerprint(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the certificate " + pem + ": " + e.getMessage(), e);
        }
    }

    /** The federation settings of {@code self}, listening on its port, with {@code peers} approved. */
    public static Map<String, Object> properties(Node self, List<Peer> peers) {
        ca(self.nation(), self.dataDir());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kizuna.federation.port", self.federationPort());
        for (int i = 0; i < peers.size(); i++) {
            Peer peer = peers.get(i);
            Path ca = ca(peer.nation(), peer.dataDir());
            String key = "kizuna.federation.peers[" + i + "].";
            p.put(key + "nation", peer.nation());
            p.put(key + "address", peer.address());
            p.put(key + "ca-certificate", ca.toAbsolutePath().toString());
            p.put(key + "approved-fingerprint", fingerprint(ca));
        }
        return p;
    }

    /** Ports already handed out by this JVM: a node restarted on its port must not find another node of the run there. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A port free now, below the range the kernel takes ports from for outgoing connections (32768 and up on Linux):
     * a node stopped and restarted on its port (a test of a restart, say) must not find it taken in between by some
     * other program's outgoing connection, which a port the kernel handed out as free ({@code new ServerSocket(0)})
     * could be.
     */
    public static int freePort() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = random.nextInt(20_000, 32_000);
            if (HANDED_OUT.contains(port)) continue;
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new java.net.InetSocketAddress(port));
            } catch (IOException taken) {
                continue;
            }
            if (HANDED_OUT.add(port)) return port;
        }
        throw new IllegalStateException("no free port found between 20000 and 32000");
    }
}
