package org.kizuna.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code ./kizuna} launcher picks a JDK 21+ even where the default java is older, and says so when there is none. */
class LauncherTests {

    record Run(int exit, String out) {
    }

    static Run launcher(Map<String, String> env, String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<String>();
        command.add("bash");
        command.add(Path.of("kizuna").toAbsolutePath().toString());
        command.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out.trim());
    }

    static int major(Path javaHome) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(javaHome.resolve("bin/java").toString(), "-XshowSettings:properties", "-version")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        String v = out.lines().filter(l -> l.contains("java.specification.version")).findFirst().orElseThrow().split("=")[1].trim();
        return Integer.parseInt(v.split("\\.")[0]);
    }

    @Test
    void anOlderJavaHomeIsPassedOverForAJdk21OrNewer() throws Exception {
        Path old = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        Map<String, String> env = Files.isDirectory(old) ? Map.of("JAVA_HOME", old.toString()) : Map.of();
        Run r = launcher(env, "jdk");
        assertThat(r.exit()).isZero();
        Path chosen = Path.of(r.out().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(major(chosen)).isGreaterThanOrEqualTo(21);
        assertThat(Files.isExecutable(chosen.resolve("bin/javac"))).isTrue();
    }

    @Test
    void withoutAnyJdk21ItSaysWhatToDoAndExitsNonZero() throws Exception {
        Path empty = Files.createTempDirectory("no-jvms");
        Run r = launcher(Map.of("KIZUNA_JVM_ROOTS", empty + "/*", "JAVA_HOME", empty.toString()), "help");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("no JDK 21 or newer found").contains("JAVA_HOME");
    }
}
