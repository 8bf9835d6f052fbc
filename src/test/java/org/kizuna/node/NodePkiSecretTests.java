package org.kizuna.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.TempDirs;

/** Two nodes never share a store secret; stores of a node from before per-node secrets are moved to one. */
class NodePkiSecretTests {

    @Test
    void eachNodeGeneratesItsOwnSecretAndOldStoresAreRewrittenUnderOne() throws Exception {
        Path a = Files.createTempDirectory("kizuna-pki"), b = Files.createTempDirectory("kizuna-pki");
        try {
            NodePki first = NodePki.loadOrCreate(a.resolve("pki"), "USA");
            NodePki.loadOrCreate(b.resolve("pki"), "USA");
            String secretA = Files.readString(a.resolve("pki").resolve(NodePki.SECRET_FILE));
            assertThat(secretA).isNotEqualTo(Files.readString(b.resolve("pki").resolve(NodePki.SECRET_FILE)));

            // a node from before: both stores under the old fixed password, no secret file
            Path pki = a.resolve("pki");
            for (String store : new String[]{"ca.p12", "server.p12"}) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                try (var in = Files.newInputStream(pki.resolve(store))) {
                    ks.load(in, secretA.toCharArray());
                }
                String alias = ks.aliases().nextElement();
                KeyStore old = KeyStore.getInstance("PKCS12");
                old.load(null, null);
                old.setKeyEntry(alias, ks.getKey(alias, secretA.toCharArray()), "kizuna".toCharArray(), ks.getCertificateChain(alias));
                try (var out = Files.newOutputStream(pki.resolve(store))) {
                    old.store(out, "kizuna".toCharArray());
                }
            }
            Files.delete(pki.resolve(NodePki.SECRET_FILE));

            NodePki again = NodePki.loadOrCreate(pki, "USA");
            assertThat(again.caCertificate()).isEqualTo(first.caCertificate());
            String secret = Files.readString(pki.resolve(NodePki.SECRET_FILE));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pki.resolve(NodePki.SECRET_FILE)))).isEqualTo("rw-------");
            try (var in = Files.newInputStream(pki.resolve("ca.p12"))) {
                KeyStore.getInstance("PKCS12").load(in, secret.toCharArray());
            }
            assertThatThrownBy(() -> {
                try (var in = Files.newInputStream(pki.resolve("ca.p12"))) {
                    KeyStore.getInstance("PKCS12").load(in, "kizuna".toCharArray());
                }
            }).isInstanceOf(java.io.IOException.class);
        } finally {
            TempDirs.delete(a);
            TempDirs.delete(b);
        }
    }
}
