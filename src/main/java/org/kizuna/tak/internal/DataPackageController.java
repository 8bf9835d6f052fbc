package org.kizuna.tak.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kizuna.identity.KizunaUser;
import org.kizuna.node.Problems;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** TAK's data package calls: {@code /Marti/sync/missionupload}, {@code /Marti/sync/upload}, {@code /Marti/sync/search} and {@code /Marti/sync/content}. */
@RestController
class DataPackageController {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final DataPackages packages;
    private final TakConfiguration.TakCallers callers;
    private final TakEndpoint endpoint;

    DataPackageController(DataPackages packages, TakConfiguration.TakCallers callers, TakEndpoint endpoint) {
        this.packages = packages;
        this.callers = callers;
        this.endpoint = endpoint;
    }

    /** Stores the multipart part {@code assetfile}; answers the URL the package is downloaded from, as TAK servers do. */
    @PostMapping(value = "/Marti/sync/missionupload", produces = MediaType.TEXT_PLAIN_VALUE)
    String upload(@RequestParam(required = false) @Nullable MultipartFile assetfile, @RequestParam(required = false) @Nullable String filename,
            @RequestParam(required = false) @Nullable String hash, @RequestParam(required = false) @Nullable String creatorUid,
            @RequestParam(required = false) @Nullable String mimetype, @RequestParam(name = "keyword", required = false) @Nullable List<String> keywords)
            throws IOException {
        KizunaUser user = callers.current();
        if (assetfile == null) throw Problems.of(HttpStatus.BAD_REQUEST, "assetfile: the package is missing (a multipart part named assetfile)");
        String name = filename != null ? filename : assetfile.getOriginalFilename() != null ? assetfile.getOriginalFilename() : "";
        DataPackage p = packages.upload(user, name, hash, creatorUid, mimetype, keywords == null ? List.of() : keywords, assetfile.getBytes());
        return "https://" + endpoint.host() + ":" + endpoint.httpsPort() + "/Marti/sync/content?hash=" + p.hash();
    }

    /**
     * TAK's plain file upload (ATAK's Data Sync and node-tak's {@code Files.upload} send a file to put in a mission
     * this way): the request body is the file, {@code name} its name, {@code keywords} comma-separated. Answers the
     * stored record as TAK does (JSON in a text answer, which node-tak parses itself).
     */
    @PostMapping(value = "/Marti/sync/upload", produces = "application/json;charset=UTF-8")
    String uploadFile(@RequestBody(required = false) byte @Nullable [] body, @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String keywords, @RequestParam(required = false) @Nullable String creatorUid,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType) {
        return record(store(body, name, keywords, creatorUid, contentType));
    }

    /** The same upload sent as a multipart form (the part {@code assetfile}), as some clients do. */
    @PostMapping(value = "/Marti/sync/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = "application/json;charset=UTF-8")
    String uploadFileForm(@RequestParam(required = false) @Nullable MultipartFile assetfile, @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String keywords, @RequestParam(required = false) @Nullable String creatorUid) throws IOException {
        if (assetfile == null) throw Problems.of(HttpStatus.BAD_REQUEST, "assetfile: the file is missing (a multipart part named assetfile)");
        String n = name != null ? name : assetfile.getOriginalFilename();
        return record(store(assetfile.getBytes(), n, keywords, creatorUid, assetfile.getContentType()));
    }

    private DataPackage store(byte @Nullable [] body, @Nullable String name, @Nullable String keywords, @Nullable String creatorUid,
            @Nullable String contentType) {
        KizunaUser user = callers.current();
        if (body == null || body.length == 0) throw Problems.of(HttpStatus.BAD_REQUEST, "body: the file is empty");
        if (keywords != null && keywords.length() > 2000) throw Problems.of(HttpStatus.BAD_REQUEST, "keywords: at most 2000 characters");
        List<String> kw = keywords == null ? List.of() : java.util.Arrays.stream(keywords.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList();
        String mime = contentType == null ? null : contentType.split(";", 2)[0].strip();
        if (mime != null && (mime.isEmpty() || mime.startsWith("multipart/"))) mime = "application/octet-stream";
        return packages.upload(user, name == null ? "" : name, null, creatorUid, mime, kw, body);
    }

    private String record(DataPackage p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("UID", p.id());
        m.put("SubmissionDateTime", p.submittedAt().toString());
        m.put("Keywords", p.keywords());
        m.put("MIMEType", p.mimeType());
        m.put("SubmissionUser", p.submittedBy());
        m.put("PrimaryKey", p.id());
        m.put("Hash", p.hash());
        m.put("CreatorUid", p.creatorUid() == null ? "" : p.creatorUid());
        m.put("Name", p.name());
        m.put("Size", p.size());
        m.put("Label", p.label().banner());
        return JSON.writeValueAsString(m);
    }

    /** The packages the caller may read, as TAK's search result (with each package's label banner). */
    @GetMapping(value = "/Marti/sync/search", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> search(@RequestParam(required = false) @Nullable String keywords, @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String tool) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (DataPackage p : packages.search(callers.current().reader(), keywords, name)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("UID", p.id());
            m.put("Name", p.name());
            m.put("Hash", p.hash());
            m.put("PrimaryKey", p.id());
            m.put("SubmissionDateTime", p.submittedAt().toString());
            m.put("SubmissionUser", p.submittedBy());
            m.put("CreatorUid", p.creatorUid());
            m.put("Keywords", p.keywords());
            m.put("MIMEType", p.mimeType());
            m.put("Size", Long.toString(p.size()));
            m.put("EXPIRATION", "-1");
            m.put("Tool", "public");
            m.put("Label", p.label().banner());
            results.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resultCount", results.size());
        body.put("results", results);
        return body;
    }

    @GetMapping("/Marti/sync/content")
    ResponseEntity<byte[]> content(@RequestParam(required = false) @Nullable String hash) {
        if (hash == null) throw Problems.of(HttpStatus.BAD_REQUEST, "hash: the SHA-256 of the package is needed");
        DataPackages.Content c = packages.content(callers.current().reader(), hash)
                .orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "no data package with hash " + hash.toLowerCase(java.util.Locale.ROOT)));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.record().mimeType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(c.record().name()).build().toString())
                .header("X-Kizuna-Label", c.record().label().banner()).body(c.bytes());
    }
}
