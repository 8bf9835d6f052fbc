package org.kizuna.node;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client certificates the node's CA issued and those it revoked, as two small text files in the
 * node's {@code pki} directory, readable and writable by the node's user only: {@code issued.txt} (one
 * line per certificate: serial in hex, user, nation, time) and {@code revoked.txt} (serial, user, time).
 * {@code ./kizuna certs revoke NAME} revokes every certificate issued to NAME; a running node reads the
 * list at least once a second ({@link #watch}), refuses a revoked certificate at its next handshake and
 * cuts its live connections.
 */
public final class Revocations implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Revocations.class);
    static final String ISSUED = "issued.txt", REVOKED = "revoked.txt";

    private final Path file;
    private volatile Set<BigInteger> revoked = Set.of();
    private volatile String content = "";
    private volatile boolean watching;
    private @Nullable Thread watcher;

    public Revocations(Path pkiDir) {
        this.file = pkiDir.resolve(REVOKED);
        refresh();
    }

    public boolean isRevoked(X509Certificate cert) {
        return revoked.contains(cert.getSerialNumber());
    }

    /** Reads the list again; true when it changed. */
    public synchronized boolean refresh() {
        String now;
        try {
            now = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            now = "";
        } catch (IOException e) {
            log.warn("cannot read the revocation list {}: {}", file, e.getMessage());
            return false;
        }
        if (now.equals(content)) return false;
        content = now;
        java.util.HashSet<BigInteger> serials = new java.util.HashSet<>();
        for (String l : now.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            try {
                serials.add(new BigInteger(l.split("\\s+", -1)[0], 16));
            } catch (NumberFormatException e) {
                log.warn("revocation list {}: line '{}' does not start with a serial number in hex; ignored", file, l);
            }
        }
        revoked = Set.copyOf(serials);
        return true;
    }

    /** Checks the list every {@code every} and calls {@code changed} when it changed. */
    public Revocations watch(Duration every, Consumer<Revocations> changed) {
        watching = true;
        watcher = Thread.ofVirtual().name("cot-revocations").start(() -> {
            while (watching) {
                try {
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    if (refresh()) changed.accept(this);
                } catch (RuntimeException e) {
                    log.warn("revocation list {}: {}", file, e.toString());
                }
            }
        });
        return this;
    }

    @Override
    public void close() {
        watching = false;
        if (watcher != null) watcher.interrupt();
    }

    // ------------------------------------------------------------------ the files (CA side)

    static synchronized void recordIssued(Path pkiDir, X509Certificate cert, String name, String nation) throws IOException {
        String line = cert.getSerialNumber().toString(16) + " " + name + " " + nation + " " + Instant.now() + "\n";
        append(pkiDir.resolve(ISSUED), line);
    }

    /**
     * Revokes every certificate this CA issued to {@code name}; returns how many were newly revoked.
     *
     * @throws IllegalArgumentException when the CA issued no certificate to that name
     */
    public static synchronized int revoke(Path pkiDir, String name) throws IOException {
        Path issued = pkiDir.resolve(ISSUED), revokedFile = pkiDir.resolve(REVOKED);
        List<String> serials = new ArrayList<>();
        if (Files.exists(issued)) {
            for (String l : Files.readAllLines(issued, StandardCharsets.UTF_8)) {
                String[] f = l.strip().split("\\s+", -1);
                if (f.length >= 2 && f[1].equals(name)) serials.add(f[0]);
            }
        }
        if (serials.isEmpty()) throw new CodedArgumentException(Reason.of("node.pki.none-issued", String.valueOf(pkiDir), name));
        String before = Files.exists(revokedFile) ? Files.readString(revokedFile, StandardCharsets.UTF_8) : "";
        Set<String> already = before.lines().map(l -> l.strip().split("\\s+", -1)[0]).collect(Collectors.toSet());
        StringBuilder after = new StringBuilder(before);
        if (!before.isEmpty() && !before.endsWith("\n")) after.append('\n');
        int n = 0;
        for (String serial : serials) {
            if (already.add(serial)) {
                after.append(serial).append(' ').append(name).append(' ').append(Instant.now()).append('\n');
                n++;
            }
        }
        // written whole and moved into place, so a node reading it never sees half a line
        Path tmp = pkiDir.resolve(REVOKED + ".tmp");
        Files.writeString(tmp, after, StandardCharsets.UTF_8);
        ownerOnly(tmp);
        try {
            Files.move(tmp, revokedFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, revokedFile, StandardCopyOption.REPLACE_EXISTING);
        }
        return n;
    }

    private static void append(Path file, String line) throws IOException {
        boolean created = !Files.exists(file);
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (created) ownerOnly(file);
    }

    static void ownerOnly(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
