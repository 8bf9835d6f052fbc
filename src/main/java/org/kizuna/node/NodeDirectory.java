package org.kizuna.node;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

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
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Makes the data directory and everything under it the node's user's alone (700 for directories,
     * 600 for files). Symbolic links are not followed.
     */
    public static void restrict(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {
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
                return FileVisitResult.CONTINUE; // a file that vanished meanwhile (a database temp file)
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
