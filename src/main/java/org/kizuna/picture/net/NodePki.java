package org.kizuna.picture.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The node's own certificate authority for CoT over mutual TLS: a CA and a server certificate created
 * on first start under {@code <data-dir>/pki} (EC P-256, signed with BouncyCastle), the TLS context of
 * the 8089 listener (TLS 1.3, client certificate required, trusting only this CA), and client
 * certificates whose subject names the user and nation ({@code CN=name, OU=JPN, T=SECRET}).
 */
public final class NodePki {

    /** Password of the PKCS#12 stores this CA writes; the stores are protected by the data directory's file permissions. */
    public static final char[] STORE_PASSWORD = "kizuna".toCharArray();
    private static final Pattern NATION = Pattern.compile("[A-Z]{3}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String nation;
    private @Nullable Path dir;
    private final PrivateKey caKey;
    private final X509Certificate caCert;
    private final PrivateKey serverKey;
    private final X509Certificate serverCert;

    private NodePki(String nation, PrivateKey caKey, X509Certificate caCert, PrivateKey serverKey, X509Certificate serverCert) {
        this.nation = nation;
        this.caKey = caKey;
        this.caCert = caCert;
        this.serverKey = serverKey;
        this.serverCert = serverCert;
    }

    /** Loads the node's CA from {@code pkiDir}, creating it (and the server certificate) the first time. */
    public static synchronized NodePki loadOrCreate(Path pkiDir, String nation) {
        try {
            Path ca = pkiDir.resolve("ca.p12"), server = pkiDir.resolve("server.p12");
            if (Files.exists(ca) && Files.exists(server)) {
                KeyStore caStore = load(ca), serverStore = load(server);
                NodePki pki = new NodePki(nation, (PrivateKey) caStore.getKey("ca", STORE_PASSWORD), (X509Certificate) caStore.getCertificate("ca"),
                        (PrivateKey) serverStore.getKey("server", STORE_PASSWORD), (X509Certificate) serverStore.getCertificate("server"));
                pki.dir = pkiDir;
                return pki;
            }
            Files.createDirectories(pkiDir);
            KeyPair caPair = keyPair();
            X500Name caName = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Kizuna").addRDN(BCStyle.OU, nation)
                    .addRDN(BCStyle.CN, "Kizuna " + nation + " node CA").build();
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder cb = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(Instant.now().minus(Duration.ofHours(1))),
                    Date.from(Instant.now().plus(Duration.ofDays(3650))), caName, caPair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(caPair.getPublic()));
            X509Certificate caCert = sign(cb, caPair.getPrivate());
            KeyPair serverPair = keyPair();
            X500Name serverName = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Kizuna").addRDN(BCStyle.OU, nation)
                    .addRDN(BCStyle.CN, "kizuna-" + nation.toLowerCase()).build();
            X509v3CertificateBuilder sb = new JcaX509v3CertificateBuilder(caCert, serial(), Date.from(Instant.now().minus(Duration.ofHours(1))),
                    Date.from(Instant.now().plus(Duration.ofDays(825))), serverName, serverPair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                            new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress()),
                            new GeneralName(GeneralName.dNSName, InetAddress.getLocalHost().getHostName())}))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert));
            X509Certificate serverCert = sign(sb, caPair.getPrivate());
            store(ca, "ca", caPair.getPrivate(), caCert);
            store(server, "server", serverPair.getPrivate(), serverCert, caCert);
            writePem(pkiDir.resolve("ca.crt.pem"), caCert);
            NodePki pki = new NodePki(nation, caPair.getPrivate(), caCert, serverPair.getPrivate(), serverCert);
            pki.dir = pkiDir;
            return pki;
        } catch (IOException | GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot create or read the node's PKI under " + pkiDir + ": " + e.getMessage(), e);
        }
    }

    public X509Certificate caCertificate() {
        return caCert;
    }

    /** The server side of mutual TLS: TLS 1.3, this node's server certificate, only this CA trusted. */
    public SSLContext serverContext() {
        return context("server", serverKey, serverCert);
    }

    /** A client-side context holding an issued client key and certificate (for tests and the benchmark). */
    public SSLContext clientContext(Issued client) {
        return context("client", client.key(), client.certificate());
    }

    /** A TLS 1.3 context with this key and certificate (chained to the CA) that trusts only this CA. */
    private SSLContext context(String alias, PrivateKey key, X509Certificate cert) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore(alias, key, cert, caCert), STORE_PASSWORD);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", caCert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLSv1.3");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), RANDOM);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client key and its certificate. */
    public record Issued(String name, String nation, String clearance, PrivateKey key, X509Certificate certificate) {
    }

    /** Issues a client certificate: {@code CN=name, OU=nation, T=clearance}, client authentication only. */
    public Issued issueClient(String name, String clientNation, String clearance) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("client name must be 1-64 characters of letters, digits, '.', '_' or '-'; got '" + name + "'");
        }
        if (!NATION.matcher(clientNation).matches()) {
            throw new IllegalArgumentException("nation must be an ISO 3166 alpha-3 code in capitals such as JPN; got '" + clientNation + "'");
        }
        if (clearance.isBlank() || clearance.length() > 64) throw new IllegalArgumentException("clearance must be a level name such as SECRET");
        try {
            KeyPair pair = keyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Kizuna").addRDN(BCStyle.OU, clientNation)
                    .addRDN(BCStyle.T, clearance).addRDN(BCStyle.CN, name).build();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCert, serial(), Date.from(Instant.now().minus(Duration.ofHours(1))),
                    Date.from(Instant.now().plus(Duration.ofDays(365))), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                    .addExtension(Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCert));
            Issued issued = new Issued(name, clientNation, clearance, pair.getPrivate(), sign(b, caKey));
            if (dir != null) Revocations.recordIssued(dir, issued);
            return issued;
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a client certificate: " + e.getMessage(), e);
        }
    }

    /** Writes NAME.key.pem, NAME.crt.pem, NAME.p12 (password {@code kizuna}) and ca.crt.pem into {@code dir}. */
    public void write(Issued client, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (JcaPEMWriter w = new JcaPEMWriter(Files.newBufferedWriter(dir.resolve(client.name() + ".key.pem")))) {
            w.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(client.key(), null));
        }
        writePem(dir.resolve(client.name() + ".crt.pem"), client.certificate());
        writePem(dir.resolve("ca.crt.pem"), caCert);
        try {
            store(dir.resolve(client.name() + ".p12"), client.name(), client.key(), client.certificate(), caCert);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** The attribute of an RFC 4514 subject name, or null. */
    public static String attribute(X509Certificate cert, org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
        X500Name name = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        var rdns = name.getRDNs(oid);
        return rdns.length == 0 ? null : org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    public static String pem(X509Certificate cert) throws IOException {
        StringWriter s = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(s)) {
            w.writeObject(cert);
        }
        return s.toString();
    }

    private static void writePem(Path file, X509Certificate cert) throws IOException {
        Files.writeString(file, pem(cert));
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(96, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key);
        return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    }

    private static void store(Path file, String alias, PrivateKey key, X509Certificate... chain) throws IOException, GeneralSecurityException {
        KeyStore ks = keyStore(alias, key, chain);
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, STORE_PASSWORD);
        }
    }

    /** An in-memory PKCS#12 store holding one key with its certificate chain. */
    private static KeyStore keyStore(String alias, PrivateKey key, X509Certificate... chain) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(alias, key, STORE_PASSWORD, chain);
        return ks;
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, STORE_PASSWORD);
        }
        return ks;
    }

    public String nation() {
        return nation;
    }

    /** The directory of this CA's files (where the issued and revoked certificates are listed), or null. */
    public @Nullable Path directory() {
        return dir;
    }
}
