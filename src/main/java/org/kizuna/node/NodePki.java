package org.kizuna.node;

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
import java.util.Base64;
import java.util.Date;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
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
import org.jspecify.annotations.Nullable;

/**
 * The node's own certificate authority for CoT over mutual TLS: a CA and a server certificate created
 * on first start under {@code <data-dir>/pki} (EC P-256, signed with BouncyCastle), the TLS context of
 * the 8089 listener (TLS 1.3, client certificate required, trusting only this CA), and client
 * certificates whose subject names the user and nation ({@code CN=name, OU=JPN, T=SECRET}). The node's
 * HTTPS connector serves the same server certificate.
 */
public final class NodePki {

    /** Password of the client bundles ({@code NAME.p12}) handed to a client's operator; printed by {@code certs issue-client}. */
    static final char[] CLIENT_BUNDLE_PASSWORD = "kizuna".toCharArray();
    /** Password the node's own stores had before each node generated its own secret; read once to migrate them. */
    private static final char[] LEGACY_STORE_PASSWORD = "kizuna".toCharArray();
    /** The file beside the stores that holds this node's generated store secret (readable by the node's user only). */
    public static final String SECRET_FILE = "stores.secret";
    private static final Pattern NATION = Pattern.compile("[A-Z]{3}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String nation;
    private final char[] storePassword;
    private @Nullable Path dir;
    private final PrivateKey caKey;
    private final X509Certificate caCert;
    private final PrivateKey serverKey;
    private final X509Certificate serverCert;

    private NodePki(String nation, char[] storePassword, PrivateKey caKey, X509Certificate caCert, PrivateKey serverKey, X509Certificate serverCert) {
        this.nation = nation;
        this.storePassword = storePassword;
        this.caKey = caKey;
        this.caCert = caCert;
        this.serverKey = serverKey;
        this.serverCert = serverCert;
    }

    /**
     * Loads the node's CA from {@code pkiDir}, creating it (and the server certificate) the first time. The
     * stores are protected by a secret generated for this node ({@value #SECRET_FILE}); stores written
     * before nodes had their own secret are rewritten under a new one. The directory and every key file
     * are readable by the node's user only.
     */
    public static synchronized NodePki loadOrCreate(Path pkiDir, String nation) {
        try {
            Path ca = pkiDir.resolve("ca.p12"), server = pkiDir.resolve("server.p12");
            NodeDirectory.createPrivate(pkiDir);
            if (Files.exists(ca) && Files.exists(server)) {
                Path secretFile = pkiDir.resolve(SECRET_FILE);
                boolean legacy = !Files.exists(secretFile);
                char[] secret = legacy ? LEGACY_STORE_PASSWORD : Files.readString(secretFile).trim().toCharArray();
                KeyStore caStore, serverStore;
                try {
                    caStore = load(ca, secret);
                    serverStore = load(server, secret);
                } catch (IOException wrongSecret) {
                    if (legacy) throw wrongSecret;
                    // a migration stopped between writing the secret and rewriting the stores
                    secret = LEGACY_STORE_PASSWORD;
                    legacy = true;
                    caStore = load(ca, secret);
                    serverStore = load(server, secret);
                }
                NodePki pki = new NodePki(nation, secret, (PrivateKey) caStore.getKey("ca", secret), (X509Certificate) caStore.getCertificate("ca"),
                        (PrivateKey) serverStore.getKey("server", secret), (X509Certificate) serverStore.getCertificate("server"));
                if (legacy) {
                    pki = pki.withStorePassword(newSecret(secretFile));
                    pki.storeOwn(ca, server);
                }
                pki.dir = pkiDir;
                NodeDirectory.restrictFile(ca);
                NodeDirectory.restrictFile(server);
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
                    .addRDN(BCStyle.CN, "kizuna-" + nation.toLowerCase(java.util.Locale.ROOT)).build();
            X509v3CertificateBuilder sb = new JcaX509v3CertificateBuilder(caCert, serial(), Date.from(Instant.now().minus(Duration.ofHours(1))),
                    Date.from(Instant.now().plus(Duration.ofDays(825))), serverName, serverPair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                            new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress()),
                            new GeneralName(GeneralName.dNSName, InetAddress.getLocalHost().getHostName())}))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert));
            X509Certificate serverCert = sign(sb, caPair.getPrivate());
            NodePki pki = new NodePki(nation, newSecret(pkiDir.resolve(SECRET_FILE)), caPair.getPrivate(), caCert, serverPair.getPrivate(), serverCert);
            pki.storeOwn(ca, server);
            writePem(pkiDir.resolve("ca.crt.pem"), caCert);
            pki.dir = pkiDir;
            return pki;
        } catch (IOException | GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot create or read the node's PKI under " + pkiDir + ": " + e.getMessage(), e);
        }
    }

    public X509Certificate caCertificate() {
        return caCert;
    }

    /**
     * An in-memory PKCS#12 store (alias {@code server}) of the node's server key and certificate chain, for
     * the HTTPS connector; {@code password} protects only this in-memory copy.
     */
    public KeyStore serverKeyStore(char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", serverKey, password, new X509Certificate[]{serverCert, caCert});
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An in-memory trust store holding only this node's CA certificate (alias {@code ca}). */
    public KeyStore trustStore() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("ca", caCert);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private NodePki withStorePassword(char[] secret) {
        return new NodePki(nation, secret, caKey, caCert, serverKey, serverCert);
    }

    private void storeOwn(Path ca, Path server) throws IOException, GeneralSecurityException {
        store(ca, "ca", caKey, storePassword, caCert);
        store(server, "server", serverKey, storePassword, serverCert, caCert);
    }

    /** A random secret for this node's stores, written to {@code file} readable by the node's user only. */
    private static char[] newSecret(Path file) throws IOException {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.writeString(NodeDirectory.createPrivateFile(file), secret);
        return secret.toCharArray();
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
            kmf.init(keyStore(alias, key, CLIENT_BUNDLE_PASSWORD, cert, caCert), CLIENT_BUNDLE_PASSWORD);
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

    /**
     * Signs a client certificate for a public key the client generated itself (a TAK client's enrollment
     * request): the same subject and extensions as {@link #issueClient}, whatever subject the request named,
     * recorded as issued so that {@code certs revoke} finds it.
     */
    public X509Certificate signClient(String name, String clientNation, String clearance, java.security.PublicKey publicKey) {
        return issue(name, clientNation, clearance, publicKey);
    }

    /** A random password for a bundle handed to a client (32 characters of base64url). */
    public static char[] bundlePassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }

    /** Issues a client certificate: {@code CN=name, OU=nation, T=clearance}, client authentication only. */
    public Issued issueClient(String name, String clientNation, String clearance) {
        try {
            KeyPair pair = keyPair();
            return new Issued(name, clientNation, clearance, pair.getPrivate(), issue(name, clientNation, clearance, pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue a client certificate: " + e.getMessage(), e);
        }
    }

    private X509Certificate issue(String name, String clientNation, String clearance, java.security.PublicKey publicKey) {
        if (!NAME.matcher(name).matches()) {
            throw new CodedArgumentException(Reason.of("node.pki.name", name));
        }
        if (!NATION.matcher(clientNation).matches()) {
            throw new CodedArgumentException(Reason.of("node.pki.nation", clientNation));
        }
        if (clearance.isBlank() || clearance.length() > 64) throw new CodedArgumentException(Reason.of("node.pki.clearance"));
        try {
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Kizuna").addRDN(BCStyle.OU, clientNation)
                    .addRDN(BCStyle.T, clearance).addRDN(BCStyle.CN, name).build();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCert, serial(), Date.from(Instant.now().minus(Duration.ofHours(1))),
                    Date.from(Instant.now().plus(Duration.ofDays(365))), subject, publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                    .addExtension(Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCert));
            X509Certificate cert = sign(b, caKey);
            if (dir != null) Revocations.recordIssued(dir, cert, name, clientNation);
            return cert;
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a client certificate: " + e.getMessage(), e);
        }
    }

    /**
     * Writes NAME.key.pem, NAME.crt.pem, NAME.p12 and ca.crt.pem into {@code dir}. The bundle is protected by
     * a password generated for it, written to NAME.p12.password; the key, the bundle and its password are
     * readable by the writing user only. The bundle is written as older Android key stores import it (ATAK on
     * Android 9 to 11 refuses PKCS#12 files protected with PBES2/AES and HMAC-SHA256, Java's default): key and
     * certificates encrypted with PKCS#12's SHA-1/3DES scheme and a SHA-1 MAC, 100,000 iterations; the password is
     * random and long, which is where the protection lies.
     */
    public void write(Issued client, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path keyFile = NodeDirectory.createPrivateFile(dir.resolve(client.name() + ".key.pem"));
        try (JcaPEMWriter w = new JcaPEMWriter(Files.newBufferedWriter(keyFile))) {
            w.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(client.key(), null));
        }
        writePem(dir.resolve(client.name() + ".crt.pem"), client.certificate());
        writePem(dir.resolve("ca.crt.pem"), caCert);
        try {
            char[] bundlePassword = newSecret(dir.resolve(client.name() + ".p12.password"));
            legacyBundle(dir.resolve(client.name() + ".p12"), client.name(), client.key(), bundlePassword, client.certificate(), caCert);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** The attribute of an RFC 4514 subject name, or null. */
    public static @Nullable String attribute(X509Certificate cert, org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
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

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key)
            throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key);
        return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    }

    /** Writes a PKCS#12 store, created readable by the node's user only before any key byte is written. */
    private static void store(Path file, String alias, PrivateKey key, char[] password, X509Certificate... chain) throws IOException, GeneralSecurityException {
        KeyStore ks = keyStore(alias, key, password, chain);
        Path tmp = NodeDirectory.createPrivateFile(file.resolveSibling(file.getFileName() + ".new"));
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ks.store(out, password);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes a client bundle in PKCS#12's SHA-1/3DES scheme with a SHA-1 MAC (see {@link #write}), readable by the node's user only. */
    private static void legacyBundle(Path file, String alias, PrivateKey key, char[] password, X509Certificate... chain)
            throws IOException, GeneralSecurityException {
        byte[] bytes = legacyBundleBytes(alias, key, password, chain);
        Path tmp = NodeDirectory.createPrivateFile(file.resolveSibling(file.getFileName() + ".new"));
        Files.write(tmp, bytes);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A PKCS#12 bundle in the SHA-1/3DES scheme with a SHA-1 MAC (see {@link #write}): the key (unless null) and
     * the certificate chain, or, without a key, the certificates alone as a trust store.
     */
    static byte[] legacyBundleBytes(String alias, @Nullable PrivateKey key, char[] password, X509Certificate... chain)
            throws IOException, GeneralSecurityException {
        try {
            var utils = new org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils();
            var keyId = utils.createSubjectKeyIdentifier(chain[0].getPublicKey());
            var encryptor = new org.bouncycastle.pkcs.bc.BcPKCS12PBEOutputEncryptorBuilder(
                    org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC,
                    org.bouncycastle.crypto.modes.CBCBlockCipher.newInstance(new org.bouncycastle.crypto.engines.DESedeEngine())).setIterationCount(100_000)
                    .build(password);
            org.bouncycastle.pkcs.PKCS12SafeBag[] certs = new org.bouncycastle.pkcs.PKCS12SafeBag[chain.length];
            for (int i = 0; i < chain.length; i++) {
                var bag = new org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder(chain[i]);
                if (i == 0 && key != null) {
                    bag.addBagAttribute(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new org.bouncycastle.asn1.DERBMPString(alias));
                    bag.addBagAttribute(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);
                } else if (key == null) {
                    // a trust store: Java's key store lists a certificate without a key only with its "trusted for" attribute
                    bag.addBagAttribute(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new org.bouncycastle.asn1.DERBMPString(alias));
                    bag.addBagAttribute(new org.bouncycastle.asn1.ASN1ObjectIdentifier("2.16.840.1.113894.746875.1.1"),
                            org.bouncycastle.asn1.x509.KeyPurposeId.anyExtendedKeyUsage.toOID());
                }
                certs[i] = bag.build();
            }
            var pfx = new org.bouncycastle.pkcs.PKCS12PfxPduBuilder();
            pfx.addEncryptedData(encryptor, certs);
            if (key != null) {
                var keyBag = new org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder(key, encryptor);
                keyBag.addBagAttribute(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.pkcs_9_at_friendlyName,
                        new org.bouncycastle.asn1.DERBMPString(alias));
                keyBag.addBagAttribute(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);
                pfx.addData(keyBag.build());
            }
            return pfx.build(new org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder().setIterationCount(100_000), password)
                    .getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
        } catch (org.bouncycastle.pkcs.PKCSException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** An in-memory PKCS#12 store holding one key with its certificate chain. */
    private static KeyStore keyStore(String alias, PrivateKey key, char[] password, X509Certificate... chain) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(alias, key, password, chain);
        return ks;
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
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
