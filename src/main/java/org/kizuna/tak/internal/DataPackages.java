package org.kizuna.tak.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Write;
import org.kizuna.identity.Writes;
import org.kizuna.label.Label;
import org.kizuna.label.ReadPath;
import org.kizuna.label.Reader;
import org.kizuna.node.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * TAK data packages: uploads take the uploader's default label (the one an administrator set for the user's
 * unlabelled reports, as on the CoT path, else the user's own nation only); every search and download is one
 * query of {@link ReadPath}, and a package the reader may not read is "not found" exactly as a missing one.
 */
@Service
class DataPackages {

    static final int MAX_KEYWORDS = 20;
    private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern KEYWORD = Pattern.compile("[^,\\p{Cntrl}]{1,64}");
    private static final Pattern MIME = Pattern.compile("[\\w.+-]{1,50}/[\\w.+-]{1,49}");

    /** The content of a package and its record. */
    record Content(DataPackage record, byte[] bytes) {
    }

    private final JdbcDataPackages store;
    private final ReadPath readPath;
    private final Writes writes;
    private final DefaultLabels labels;
    private final Clock clock;
    private final TakSettings settings;

    DataPackages(JdbcDataPackages store, ReadPath readPath, Writes writes, DefaultLabels labels, Clock clock, TakSettings settings) {
        this.store = store;
        this.readPath = readPath;
        this.writes = writes;
        this.labels = labels;
        this.clock = clock;
        this.settings = settings;
    }

    /** Stores an upload; answers its record (the one stored before when the user uploaded the same content under the same label). */
    DataPackage upload(KizunaUser user, String name, @Nullable String hash, @Nullable String creatorUid, @Nullable String mimeType, List<String> keywords,
            byte[] content) {
        if (name.isBlank() || name.length() > 255 || name.chars().anyMatch(Character::isISOControl)) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "filename: 1-255 characters without control characters");
        }
        if (content.length == 0) throw Problems.of(HttpStatus.BAD_REQUEST, "assetfile: the package is empty");
        if (keywords.size() > MAX_KEYWORDS) throw Problems.of(HttpStatus.BAD_REQUEST, "keyword: at most " + MAX_KEYWORDS + " keywords");
        for (String k : keywords) {
            if (!KEYWORD.matcher(k).matches()) throw Problems.of(HttpStatus.BAD_REQUEST, "keyword: 1-64 characters, no commas or control characters");
        }
        if (creatorUid != null && creatorUid.length() > 256) throw Problems.of(HttpStatus.BAD_REQUEST, "creatorUid: at most 256 characters");
        String mime = mimeType == null || mimeType.isBlank() ? "application/x-zip-compressed" : mimeType.strip();
        if (!MIME.matcher(mime).matches()) throw Problems.of(HttpStatus.BAD_REQUEST, "mimetype: a media type such as application/zip");
        String actual = sha256(content);
        if (hash != null && !hash.isBlank()) {
            if (!HASH.matcher(hash).matches()) throw Problems.of(HttpStatus.BAD_REQUEST, "hash: the SHA-256 of the package in 64 hex digits");
            if (!hash.equalsIgnoreCase(actual)) throw Problems.of(HttpStatus.BAD_REQUEST, "hash: the package's SHA-256 is " + actual + ", not " + hash);
        }
        writes.authorize(user, Write.UPLOAD_DATA_PACKAGE, user.nation());
        Label label = labels.held(user, "");
        DataPackage p = new DataPackage(UUID.randomUUID().toString(), actual, name.strip(), mime, List.copyOf(keywords), creatorUid, user.username(),
                clock.instant(), content.length, label);
        if (!store.insert(p, content)) {
            return store.withHash(actual).stream().filter(o -> o.label().equals(label) && o.submittedBy().equals(user.username())).findFirst().orElse(p);
        }
        return p;
    }

    /** The packages the reader may read, newest first, whose keywords include {@code keyword} (when given), at most the configured number. */
    List<DataPackage> search(Reader reader, @Nullable String keyword, @Nullable String name) {
        if (keyword != null && keyword.length() > 64) throw Problems.of(HttpStatus.BAD_REQUEST, "keywords: at most 64 characters");
        if (name != null && name.length() > 255) throw Problems.of(HttpStatus.BAD_REQUEST, "name: at most 255 characters");
        String asked = "tak/sync/search" + (keyword == null ? "" : " keyword=" + keyword) + (name == null ? "" : " name=" + name);
        List<DataPackage> readable = readPath.readable(store.all(), reader, DataPackage::id, asked);
        return readable.stream()
                .filter(p -> keyword == null || keyword.isBlank() || p.keywords().stream().anyMatch(k -> k.equalsIgnoreCase(keyword.strip())))
                .filter(p -> name == null || name.isBlank()
                        || p.name().toLowerCase(java.util.Locale.ROOT).contains(name.strip().toLowerCase(java.util.Locale.ROOT)))
                .limit(settings.maxPackagesListed()).toList();
    }

    /** The newest package of this content the reader may read, with its bytes; empty when none exists or none may be read. */
    Optional<Content> content(Reader reader, String hash) {
        if (!HASH.matcher(hash).matches()) throw Problems.of(HttpStatus.BAD_REQUEST, "hash: the SHA-256 of the package in 64 hex digits");
        List<DataPackage> readable = readPath.readable(store.withHash(hash.toLowerCase(java.util.Locale.ROOT)), reader, DataPackage::id,
                "tak/sync/content/" + hash.toLowerCase(java.util.Locale.ROOT));
        if (readable.isEmpty()) return Optional.empty();
        DataPackage p = readable.getFirst();
        return store.content(p.id()).map(b -> new Content(p, b));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
