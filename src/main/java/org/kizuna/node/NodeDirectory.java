package org.kizuna.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The node's data directory and its files are the node's user's alone: directories {@code rwx------}
 * (700), files {@code rw-------} (600). Key files are created with those permissions before a byte of
 * them is written; on a file system without POSIX permissions the helpers leave permissions alone.
 */
public final class NodeDirectory {

    public static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private NodeDirectory() {
    }

    /** Creates {@code dir} (and missing parents) if needed and makes it readable by the node's user only. */
    public static Path createPrivate(Path dir) throws IOException {
        Files.createDirectories(dir);
        setPermissions(dir, OWNER_ONLY_DIRECTORY);
        return dir;
    }

    /** Writes {@code bytes} to {@code file} through a new file that is readable by the node's user only from its creation. */
    public static void writePrivate(Path file, byte[] bytes) throws IOException {
        Path tmp = createPrivateFile(file.resolveSibling(file.getFileName() + ".new"));
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Creates {@code file} afresh (an old one is deleted), readable by the node's user only from its
     * creation, before a byte of it is written; on a file system without POSIX permissions, plainly.
     */
    public static Path createPrivateFile(Path file) throws IOException {
        Files.deleteIfExists(file);
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } catch (UnsupportedOperationException e) {
            return Files.createFile(file);
        }
    }

    /** Makes an existing file readable and writable by the node's user only. */
    public static void restrictFile(Path file) throws IOException {
        setPermissions(file, OWNER_ONLY_FILE);
    }

    /**
     * Makes the data directory and the node's own files in it the node's user's alone: the directory 700,
     * the {@code keys} and {@code pki} directories and everything under them 700/600, and the embedded
     * database's files ({@code kizuna.*}) 600. Other files an operator keeps there are left alone, so a
     * data directory given by mistake (a home directory, say) is not rewritten. Links are not followed.
     */
    public static void restrict(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        setPermissions(dataDir, OWNER_ONLY_DIRECTORY);
        for (String own : new String[]{"keys", "pki"}) {
            Path dir = dataDir.resolve(own);
            if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) restrictTree(dir);
        }
        try (var files = Files.newDirectoryStream(dataDir, "kizuna.*")) {
            for (Path file : files) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) setPermissions(file, OWNER_ONLY_FILE);
            }
        }
    }

    /**
     * Deletes {@code dir} and everything under it, such as a data directory a benchmark or a test made
     * for itself; best effort: what cannot be deleted (a file still held by a process going away) is left.
     */
    public static void delete(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException stillHeld) {
                    // left for the next attempt, or for the operator
                }
            });
        } catch (IOException | UncheckedIOException vanished) {
            // the directory, or part of it, vanished meanwhile
        }
    }

    private static void restrictTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                setPermissions(dir, OWNER_ONLY_DIRECTORY);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    setPermissions(file, OWNER_ONLY_FILE);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // a file that vanished meanwhile
            }
        });
    }

    private static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }
}
