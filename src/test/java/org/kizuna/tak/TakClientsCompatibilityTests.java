package org.kizuna.tak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.node.NodePki;
import org.kizuna.testing.Api;
import org.kizuna.testing.NodeProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real TAK clients against a running node: node-tak enrolls a certificate with a user name and password,
 * streams over mutual TLS (its pings answered, its report received by another user's connection), uploads and
 * lists a data package through the REST API, and creates a mission, subscribes to it, puts the package in it and is
 * told of that change on its stream (src/test/tak-clients/compat.mjs). Skipped where node or npm is missing,
 * except under CI=true.
 */
class TakClientsCompatibilityTests {

    private static final Path CLIENTS = Path.of("src/test/tak-clients");

    @Test
    void nodeTakEnrollsStreamsSharesADataPackageAndSubscribesToAMission(@TempDir Path data, @TempDir Path certs) throws Exception {
        requireNodeAndNpm();
        installClients();
        try (NodeProcess node = NodeProcess.start(data)) {
            Api admin = Api.on(node.port()).as("usa.admin", "demo");
            assertThat(admin.put("/api/v1/users/jpn.officer/default-label", "{\"label\": \"SECRET//REL TO USA, JPN\"}").status()).isEqualTo(200);
            NodePki pki = NodePki.loadOrCreate(data.resolve("pki"), "USA");
            pki.write(pki.issueClient("usa.officer", "USA", "SECRET"), certs);
            ProcessBuilder script = new ProcessBuilder("node", "compat.mjs").directory(CLIENTS.toFile()).redirectErrorStream(false);
            Map<String, String> env = script.environment();
            env.put("KIZUNA_HTTPS", "https://localhost:" + node.httpsPort());
            env.put("KIZUNA_COT", "ssl://localhost:" + node.cotTlsPort());
            env.put("KIZUNA_CA", certs.resolve("ca.crt.pem").toString());
            env.put("NODE_EXTRA_CA_CERTS", certs.resolve("ca.crt.pem").toString());
            env.put("KIZUNA_USER", "jpn.officer");
            env.put("KIZUNA_PASSWORD", "demo");
            env.put("KIZUNA_READER_CERT", certs.resolve("usa.officer.crt.pem").toString());
            env.put("KIZUNA_READER_KEY", certs.resolve("usa.officer.key.pem").toString());
            Process p = script.start();
            boolean ended = p.waitFor(120, TimeUnit.SECONDS);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ended) p.destroyForcibly();
            assertThat(p.exitValue()).as("compat.mjs said:\n" + out + "\n" + err + "\nthe node said:\n" + node.output()).isZero();
            List<String> lines = out.lines().filter(l -> l.startsWith("{")).toList();
            JsonNode seen = JsonMapper.builder().build().readTree(lines.getLast());
            assertThat(seen.get("enrolled").asBoolean()).as("enrolled a certificate with name and password").isTrue();
            assertThat(seen.get("pinged").asBoolean()).as("its ping answered").isTrue();
            assertThat(seen.get("received").asBoolean()).as("its report in another user's picture").isTrue();
            assertThat(seen.get("uploadUrl").asString()).contains("/Marti/sync/content?hash=");
            assertThat(seen.get("listed").asBoolean()).as("its data package listed").isTrue();
            assertThat(seen.get("listedLabel").asString()).isEqualTo("SECRET//REL TO USA, JPN");
            // a mission through node-tak's Mission API: created, subscribed to, the package in it, the change noticed on the stream
            assertThat(seen.get("missionCreated").asBoolean()).as("Mission.create").isTrue();
            assertThat(seen.get("missionLabel").asString()).isEqualTo("SECRET//REL TO USA, JPN");
            assertThat(seen.get("subscribed").asBoolean()).as("Mission.subscribe").isTrue();
            assertThat(seen.get("subscribers").size()).isEqualTo(1);
            assertThat(seen.get("fileUploaded").asBoolean()).as("Files.upload (/Marti/sync/upload)").isTrue();
            assertThat(seen.get("missionHasPackage").asBoolean()).as("Mission.attachContents of both, then Mission.get").isTrue();
            assertThat(seen.get("missionChanges").valueStream().map(JsonNode::asString)).containsExactly("CREATE_MISSION", "ADD_CONTENT", "ADD_CONTENT");
            assertThat(seen.get("noticed").asBoolean()).as("the t-x-m-c notice on node-tak's stream").isTrue();
            assertThat(seen.get("missionListed").asBoolean()).as("Mission.list").isTrue();
        }
    }

    private static void requireNodeAndNpm() {
        boolean present = runs("node", "--version") && runs("npm", "--version");
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI")))
                throw new IllegalStateException("CI=true but node or npm is missing: the TAK client suite cannot run");
            Assumptions.abort(
                    "node and npm are not installed here: the TAK client compatibility suite (src/test/tak-clients) does not run (it runs, and must pass, under CI)");
        }
    }

    /** {@code npm ci} once, again only when the lock file is newer than the installed tree. */
    private static void installClients() throws IOException, InterruptedException {
        Path installed = CLIENTS.resolve("node_modules/.package-lock.json");
        FileTime lock = Files.getLastModifiedTime(CLIENTS.resolve("package-lock.json"));
        if (Files.exists(installed) && Files.getLastModifiedTime(installed).compareTo(lock) >= 0) return;
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(CLIENTS.toFile()).redirectErrorStream(true).start();
        String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(npm.waitFor(300, TimeUnit.SECONDS) && npm.exitValue() == 0).as("npm ci in " + CLIENTS + ":\n" + out).isTrue();
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
