package org.kizuna.federation.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.bouncycastle.asn1.x500.style.BCStyle;
import org.jspecify.annotations.Nullable;
import org.kizuna.node.NodeDirectory;
import org.kizuna.node.NodePki;

/**
 * The node's side of mutual TLS between nodes. As a server it shows its server certificate; as a client (and as the
 * signer of what it sends) it shows a federation certificate issued by its own CA ({@code CN=federation-usa,
 * OU=USA}, client authentication), kept under {@code <data>/federation}. Each side trusts only the CA certificates of
 * the peers an administrator approved: a connecting peer must present a certificate issued by the CA of the nation its
 * certificate names; a peer reached must present one issued by that peer's CA.
 */
final class FederationTls {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] IN_MEMORY = "federation".toCharArray();

    private final NodePki pki;
    private final PrivateKey signingKey;
    private final X509Certificate signingCert;

    FederationTls(NodePki pki, Path dataDir) {
        this.pki = pki;
        Path dir = dataDir.resolve("federation");
        String name = "federation-" + pki.nation().toLowerCase(Locale.ROOT);
        try {
            Path store = dir.resolve(name + ".p12"), secret = dir.resolve(name + ".p12.password");
            if (!Files.exists(store) || !Files.exists(secret)) {
                NodeDirectory.createPrivate(dir);
                pki.write(pki.issueClient(name, pki.nation(), "node"), dir);
            }
            char[] password = Files.readString(secret).trim().toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, password);
            }
            this.signingKey = (PrivateKey) ks.getKey(name, password);
            this.signingCert = (X509Certificate) ks.getCertificate(name);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create or read the node's federation certificate under " + dir + ": " + e.getMessage(), e);
        }
    }

    PrivateKey signingKey() {
        return signingKey;
    }

    X509Certificate signingCertificate() {
        return signingCert;
    }

    X509Certificate caCertificate() {
        return pki.caCertificate();
    }

    /** The server side: this node's server certificate; a client is trusted when one of {@code approved} issued it. */
    SSLContext serverContext(Supplier<List<X509Certificate>> approved) {
        return context(pki.serverKeyStore(IN_MEMORY), new PeersTrust(approved));
    }

    /** The client side towards one peer: this node's federation certificate; only that peer's CA is trusted. */
    SSLContext clientContext(X509Certificate peerCa) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("federation", signingKey, IN_MEMORY, new X509Certificate[]{signingCert, pki.caCertificate()});
            return context(ks, trustOnly(peerCa));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext context(KeyStore keys, TrustManager trust) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, IN_MEMORY);
            SSLContext ctx = SSLContext.getInstance("TLSv1.3");
            ctx.init(kmf.getKeyManagers(), new TrustManager[]{trust}, RANDOM);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKIX trust manager whose only anchor is {@code ca}. */
    static X509TrustManager trustOnly(X509Certificate ca) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) return x;
            }
            throw new IllegalStateException("no X.509 trust manager");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuing peer CA of a client chain among the approved ones, checked by PKIX, or null. */
    static @Nullable X509Certificate issuer(X509Certificate[] chain, List<X509Certificate> approved, boolean client) {
        for (X509Certificate ca : approved) {
            try {
                if (client) {
                    trustOnly(ca).checkClientTrusted(chain, "UNKNOWN");
                } else {
                    trustOnly(ca).checkServerTrusted(chain, "UNKNOWN");
                }
                return ca;
            } catch (CertificateException e) {
                // not this peer's
            }
        }
        return null;
    }

    /** Trusts a client certificate issued by one of the approved peers' CAs for the nation it names. */
    private record PeersTrust(Supplier<List<X509Certificate>> approved) implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            X509Certificate ca = issuer(chain, approved.get(), true);
            if (ca == null) throw new CertificateException("the certificate " + chain[0].getSubjectX500Principal() + " is issued by no approved peer's CA");
            String nation = NodePki.attribute(chain[0], BCStyle.OU), caNation = NodePki.attribute(ca, BCStyle.OU);
            if (nation == null || !nation.equals(caNation)) {
                throw new CertificateException("the certificate names nation " + nation + " but is issued by the CA of " + caNation);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the federation server does not connect out");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return approved.get().toArray(X509Certificate[]::new);
        }
    }

    static X509Certificate parsePem(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | RuntimeException e) {
            throw new IllegalArgumentException("caCertificate: not an X.509 certificate in PEM");
        }
    }

    static String pem(X509Certificate cert) {
        try {
            return NodePki.pem(cert);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 fingerprint of a certificate, as {@code AB:CD:...}. */
    static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fingerprint as written by an operator (any case, with or without colons or spaces), normalized. */
    static String normalize(String fingerprint) {
        String hex = fingerprint.replaceAll("[\\s:]", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) return "";
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
    }
}
