package org.kizuna.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TakConnectionPackageTests {

    static Map<String, byte[]> entries(byte[] zip) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }

    static String pref(Map<String, byte[]> entries, String key) {
        Matcher m = Pattern.compile("key=\"" + key + "\"[^>]*>([^<]*)<")
                .matcher(new String(entries.get(TakConnectionPackage.PREF_ENTRY), StandardCharsets.US_ASCII));
        assertThat(m.find()).as("the pref names " + key).isTrue();
        return m.group(1);
    }

    @Test
    void thePackageHoldsTheManifestThePrefTheTrustStoreAndTheClientsBundle(@TempDir Path dir) throws Exception {
        NodePki pki = NodePki.loadOrCreate(dir.resolve("pki"), "USA");
        NodePki.Issued client = pki.issueClient("jpn-ops", "JPN", "SECRET");
        TakConnectionPackage p = TakConnectionPackage.of(pki, client, "kizuna.example", 18089);
        Map<String, byte[]> entries = entries(p.zip());

        assertThat(entries.keySet()).containsExactly("MANIFEST/manifest.xml", "certs/kizuna.pref", "certs/truststore.p12", "certs/jpn-ops.p12");
        String manifest = new String(entries.get("MANIFEST/manifest.xml"), StandardCharsets.UTF_8);
        assertThat(manifest).startsWith("<MissionPackageManifest version=\"2\">")
                .contains("zipEntry=\"certs/kizuna.pref\"", "zipEntry=\"certs/truststore.p12\"", "zipEntry=\"certs/jpn-ops.p12\"")
                .containsPattern("name=\"uid\" value=\"[0-9a-f-]{36}\"");
        assertThat(pref(entries, "connectString0")).isEqualTo("kizuna.example:18089:ssl");
        assertThat(pref(entries, "certificateLocation")).isEqualTo("cert/jpn-ops.p12");
        assertThat(pref(entries, "caLocation")).isEqualTo("cert/truststore.p12");
        assertThat(pref(entries, "clientPassword")).isEqualTo(p.bundlePassword()).hasSizeGreaterThanOrEqualTo(32);

        KeyStore bundle = KeyStore.getInstance("PKCS12");
        bundle.load(new ByteArrayInputStream(entries.get("certs/jpn-ops.p12")), pref(entries, "clientPassword").toCharArray());
        String alias = bundle.aliases().nextElement();
        X509Certificate cert = (X509Certificate) bundle.getCertificate(alias);
        assertThat(bundle.getKey(alias, pref(entries, "clientPassword").toCharArray())).isNotNull();
        cert.verify(pki.caCertificate().getPublicKey()); // chains to the node's CA
        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=jpn-ops", "OU=JPN");
        assertThat(bundle.getCertificateChain(alias)).hasSize(2);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(new ByteArrayInputStream(entries.get("certs/truststore.p12")), pref(entries, "caPassword").toCharArray());
        assertThat(trust.getCertificate(trust.aliases().nextElement())).isEqualTo(pki.caCertificate());

        // a wrong password opens nothing
        assertThatThrownBy(() -> KeyStore.getInstance("PKCS12").load(new ByteArrayInputStream(entries.get("certs/jpn-ops.p12")), "kizuna".toCharArray()))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aHostThatIsNoHostNameIsRefused(@TempDir Path dir) {
        NodePki pki = NodePki.loadOrCreate(dir.resolve("pki"), "USA");
        NodePki.Issued client = pki.issueClient("jpn-ops", "JPN", "SECRET");
        assertThatThrownBy(() -> TakConnectionPackage.of(pki, client, "evil\"/><x", 8089)).hasMessageContaining("host must be");
        assertThatThrownBy(() -> TakConnectionPackage.of(pki, client, "ok.example", 70000)).hasMessageContaining("port must be");
    }
}
