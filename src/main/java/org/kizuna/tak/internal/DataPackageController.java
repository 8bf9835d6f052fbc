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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** TAK's data package calls: {@code /Marti/sync/missionupload}, {@code /Marti/sync/search} and {@code /Marti/sync/content}. */
@RestController
class DataPackageController {

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
                .orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "no data package with hash " + hash.toLowerCase()));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.record().mimeType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(c.record().name()).build().toString())
                .header("X-Kizuna-Label", c.record().label().banner()).body(c.bytes());
    }
}
