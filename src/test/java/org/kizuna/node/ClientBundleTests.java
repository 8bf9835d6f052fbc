package org.kizuna.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TAK client's PKCS#12 bundle (issue 16, point 3) is written in the scheme older Android key stores import:
 * SHA-1/3DES encryption and a SHA-1 MAC, and it still opens in Java with its password, key and chain intact.
 */
class ClientBundleTests {

    @Test
    void theBundleUsesTheSchemeOlderAndroidKeyStoresImport(@TempDir Path dir) throws Exception {
        NodePki pki = NodePki.loadOrCreate(dir.resolve("pki"), "USA");
        NodePki.Issued issued = pki.issueClient("jpn.team", "JPN", "SECRET");
        pki.write(issued, dir.resolve("out"));
        byte[] bytes = Files.readAllBytes(dir.resolve("out/jpn.team.p12"));
        char[] password = Files.readString(dir.resolve("out/jpn.team.p12.password")).strip().toCharArray();
        PKCS12PfxPdu pfx = new PKCS12PfxPdu(bytes);
        assertThat(pfx.getMacAlgorithmID().getAlgorithm()).isEqualTo(X509ObjectIdentifiers.id_SHA1);
        assertThat(pfx.isMacValid(new org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider(
                org.bouncycastle.operator.bc.BcDefaultDigestProvider.INSTANCE), password)).isTrue();
        assertThat(pfx.getContentInfos()[0].getContentType()).isEqualTo(PKCSObjectIdentifiers.encryptedData);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new java.io.ByteArrayInputStream(bytes), password);
        assertThat(ks.getKey("jpn.team", password)).isInstanceOf(PrivateKey.class);
        assertThat(((X509Certificate) ks.getCertificateChain("jpn.team")[0]).getSubjectX500Principal().getName()).contains("jpn.team");
        assertThat(ks.getCertificateChain("jpn.team")).hasSize(2);
    }
}
