package org.kizuna.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The connection data package a TAK client (ATAK, iTAK, WinTAK) imports to connect to a node: a zip with
 * {@code MANIFEST/manifest.xml} listing its contents, a preference file ({@code certs/kizuna.pref}) naming the
 * node's CoT TLS endpoint ({@code host:port:ssl}), the node's CA as a trust store ({@code certs/truststore.p12})
 * and the client's key and certificate ({@code certs/NAME.p12}). Both stores are PKCS#12 in the SHA-1/3DES scheme
 * older Android key stores import ({@link NodePki#write}); the preference file carries their passwords, as the
 * format requires, so the package is itself the client's credential and is handed only to its user.
 *
 * @param zip              the package's bytes
 * @param bundlePassword   the password of the client's {@code NAME.p12} (also in the preference file)
 * @param truststorePassword the password of {@code truststore.p12} (also in the preference file)
 */
public record TakConnectionPackage(byte[] zip, String bundlePassword, String truststorePassword) {

    /** The package's preference file. */
    public static final String PREF_ENTRY = "certs/kizuna.pref";
    /** The node's CA certificate as a PKCS#12 trust store. */
    public static final String TRUSTSTORE_ENTRY = "certs/truststore.p12";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,253}");

    /**
     * Makes the package of a client certificate issued by {@code pki}: the client connects to {@code host} on
     * {@code cotTlsPort} (the node's CoT mutual-TLS port, 8089 by default).
     *
     * @throws IllegalArgumentException when the host is not a host name or address, or the port not a port
     */
    public static TakConnectionPackage of(NodePki pki, NodePki.Issued client, String host, int cotTlsPort) {
        if (!HOST.matcher(host).matches()) throw new CodedArgumentException(Reason.of("node.tak.host", host));
        if (cotTlsPort < 1 || cotTlsPort > 65535) throw new CodedArgumentException(Reason.of("node.tak.port", String.valueOf(cotTlsPort)));
        char[] bundlePassword = NodePki.bundlePassword(), trustPassword = NodePki.bundlePassword();
        String clientEntry = "certs/" + client.name() + ".p12";
        String description = "Kizuna " + pki.nation();
        try {
            byte[] bundle = NodePki.legacyBundleBytes(client.name(), client.key(), bundlePassword, client.certificate(), pki.caCertificate());
            byte[] trust = NodePki.legacyBundleBytes("kizuna-" + pki.nation().toLowerCase(java.util.Locale.ROOT) + "-ca", null, trustPassword,
                    pki.caCertificate());
            String pref = """
                    <?xml version="1.0" encoding="ASCII" standalone="yes"?>
                    <preferences>
                      <preference version="1" name="cot_streams">
                        <entry key="count" class="class java.lang.Integer">1</entry>
                        <entry key="description0" class="class java.lang.String">%s</entry>
                        <entry key="enabled0" class="class java.lang.Boolean">true</entry>
                        <entry key="connectString0" class="class java.lang.String">%s:%d:ssl</entry>
                      </preference>
                      <preference version="1" name="com.atakmap.app_preferences">
                        <entry key="displayServerConnectionWidget" class="class java.lang.Boolean">true</entry>
                        <entry key="caLocation" class="class java.lang.String">cert/truststore.p12</entry>
                        <entry key="caPassword" class="class java.lang.String">%s</entry>
                        <entry key="certificateLocation" class="class java.lang.String">cert/%s.p12</entry>
                        <entry key="clientPassword" class="class java.lang.String">%s</entry>
                      </preference>
                    </preferences>
                    """.formatted(description, host, cotTlsPort, new String(trustPassword), client.name(), new String(bundlePassword));
            String manifest = """
                    <MissionPackageManifest version="2">
                      <Configuration>
                        <Parameter name="uid" value="%s"/>
                        <Parameter name="name" value="kizuna-%s-%s"/>
                        <Parameter name="onReceiveDelete" value="true"/>
                      </Configuration>
                      <Contents>
                        <Content ignore="false" zipEntry="%s"/>
                        <Content ignore="false" zipEntry="%s"/>
                        <Content ignore="false" zipEntry="%s"/>
                      </Contents>
                    </MissionPackageManifest>
                    """.formatted(UUID.randomUUID(), pki.nation().toLowerCase(java.util.Locale.ROOT), client.name(), PREF_ENTRY, TRUSTSTORE_ENTRY, clientEntry);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                entry(zip, "MANIFEST/manifest.xml", manifest.getBytes(StandardCharsets.UTF_8));
                entry(zip, PREF_ENTRY, pref.getBytes(StandardCharsets.US_ASCII));
                entry(zip, TRUSTSTORE_ENTRY, trust);
                entry(zip, clientEntry, bundle);
            }
            return new TakConnectionPackage(out.toByteArray(), new String(bundlePassword), new String(trustPassword));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the connection package of " + client.name() + ": " + e.getMessage(), e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
