package org.kizuna;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What the repository promises a newcomer. Every file a document or a comment points to exists: the
 * repository paths cited in README.md and the Markdown files under docs/ and bench/ and in the comments of
 * the Java sources under src/ (such as docs/label.md or src/main/resources/label/), every Markdown file named
 * on its own, and every section cited as a document's path followed by its title in quotes. URLs and generated paths (target/,
 * a node's data/) are not citations of repository files. The repository tracks nothing it ignores, and every
 * test class is named {@code ...Tests}, the one pattern the build runs.
 */
class RepositoryTests {

    static final Path ROOT = Path.of("").toAbsolutePath();

    /** A path under one of the repository's top-level folders, not inside a URL or another path. */
    static final Pattern CITED_PATH = Pattern.compile("(?<![\\w./<>:@-])((?:docs|src|bench|\\.ci)/[\\w./-]*[\\w/])");
    /** A Markdown file named without its folder. */
    static final Pattern CITED_MARKDOWN = Pattern.compile("(?<![\\w./<>:@-])([\\w-]+\\.md)\\b");
    /** A section of a document: its path, perhaps a comma, and the section's title in double quotes. */
    static final Pattern CITED_SECTION = Pattern.compile("(docs/[\\w./-]+\\.md),?\\s+\"([^\"]+)\"");

    record Citation(Path in, String text) {
        @Override
        public String toString() {
            return ROOT.relativize(in) + ": " + text;
        }
    }

    @Test
    void everyFileADocumentOrACommentCitesExists() throws IOException {
        Set<String> markdownNames = new TreeSet<>();
        try (Stream<Path> files = sources()) {
            files.filter(p -> p.toString().endsWith(".md")).forEach(p -> markdownNames.add(p.getFileName().toString()));
        }
        List<Citation> missing = new ArrayList<>();
        int cited = 0;
        for (Path file : citingFiles()) {
            String text = file.toString().endsWith(".java")
                    ? comments(Files.readString(file, StandardCharsets.UTF_8))
                    : Files.readString(file, StandardCharsets.UTF_8);
            for (Matcher m = CITED_PATH.matcher(text); m.find(); cited++) {
                if (!Files.exists(ROOT.resolve(m.group(1)))) missing.add(new Citation(file, m.group(1)));
            }
            for (Matcher m = CITED_MARKDOWN.matcher(text); m.find(); cited++) {
                if (!markdownNames.contains(m.group(1))) missing.add(new Citation(file, m.group(1)));
            }
            for (Matcher m = CITED_SECTION.matcher(text.replaceAll("\\s+", " ")); m.find(); cited++) {
                Path doc = ROOT.resolve(m.group(1));
                if (Files.exists(doc) && !hasSection(doc, m.group(2))) missing.add(new Citation(file, m.group(1) + " \"" + m.group(2) + "\""));
            }
        }
        assertThat(cited).as("citations found (the scan itself works)").isGreaterThan(20);
        assertThat(missing).as("citations of files or sections that do not exist").isEmpty();
    }

    @Test
    void theCitationPatternsFindWhatTheyShouldAndSkipWhatTheyShouldNot() {
        String comment = comments("""
                /** See docs/label.md, "Using it", src/main/resources/label/ and bench/ap1/ap1_truth.csv. */
                class X {
                    String notAComment = "docs/not-a-citation.md"; // but docs/this-one.md is
                    String block = \"""
                            docs/neither.md
                            \""";
                    // not https://example.org/docs/page.md, target/modulith-docs or <data>/pki/ca.crt.pem
                }
                """);
        List<String> paths = new ArrayList<>();
        for (Matcher m = CITED_PATH.matcher(comment); m.find();) paths.add(m.group(1));
        assertThat(paths).containsExactly("docs/label.md", "src/main/resources/label/", "bench/ap1/ap1_truth.csv", "docs/this-one.md");
        Matcher section = CITED_SECTION.matcher(comment);
        assertThat(section.find()).isTrue();
        assertThat(section.group(2)).isEqualTo("Using it");
    }

    @Test
    void theRepositoryTracksNothingItIgnores() throws Exception {
        Assumptions.assumeTrue(git("rev-parse", "--is-inside-work-tree").equals("true"),
                "SKIPPED: not a git checkout (or no git), so what the repository tracks cannot be checked");
        assertThat(git("ls-files", "-ci", "--exclude-standard")).as("tracked files that .gitignore ignores (git rm --cached them)").isEmpty();
    }

    @Test
    void everyTestClassIsNamedTestsSoThatTheBuildRunsIt() throws IOException {
        Pattern testMethod = Pattern.compile("@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property|Example)\\b");
        List<String> testClasses = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("src/test/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String code = withoutComments(Files.readString(file, StandardCharsets.UTF_8));
                if (!code.matches("(?s).*import (static )?(org\\.junit|net\\.jqwik)\\..*") || !testMethod.matcher(code).find()) continue;
                String name = file.getFileName().toString().replace(".java", "");
                testClasses.add(name);
                if (!name.endsWith("Tests") && !code.matches("(?s).*\\babstract\\s+class\\s+" + name + "\\b.*")) notRun.add(ROOT.relativize(file).toString());
            }
        }
        assertThat(testClasses).as("test classes found").hasSizeGreaterThan(50);
        assertThat(notRun).as("test classes the build would not run (surefire runs **/*Tests.java; abstract *Contract classes run through their subclasses)")
                .isEmpty();
    }

    /** The files whose citations count: README.md, the Markdown under docs/ and bench/, the Java sources under src/. */
    static List<Path> citingFiles() throws IOException {
        try (Stream<Path> files = sources()) {
            return files.filter(p -> {
                String relative = ROOT.relativize(p).toString().replace('\\', '/');
                return relative.equals("README.md") || (relative.endsWith(".md") && (relative.startsWith("docs/") || relative.startsWith("bench/")))
                        || (relative.endsWith(".java") && relative.startsWith("src/"));
            }).sorted().toList();
        }
    }

    /** The repository's own files: everything but build output, installed packages, a node's data and git's files. */
    static Stream<Path> sources() throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean generated = dir.getParent() != null && dir.getParent().equals(ROOT) && Set.of("target", "data", ".git").contains(name);
                return generated || name.equals("node_modules") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) files.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
        return files.stream();
    }

    static boolean hasSection(Path doc, String title) throws IOException {
        try (Stream<String> lines = Files.lines(doc, StandardCharsets.UTF_8)) {
            return lines.anyMatch(l -> l.matches("#+ .*") && l.replaceFirst("#+ ", "").strip().equals(title));
        }
    }

    /**
     * The comments of a Java source, one per line, with the leading {@code *} of Javadoc lines removed;
     * string and character literals (text blocks too) are skipped.
     */
    static String comments(String java) {
        return split(java, true);
    }

    /** A Java source without its comments. */
    static String withoutComments(String java) {
        return split(java, false);
    }

    /** The comments of a Java source ({@code comments}) or everything else. */
    private static String split(String java, boolean comments) {
        StringBuilder out = new StringBuilder();
        StringBuilder code = new StringBuilder();
        int i = 0, n = java.length();
        while (i < n) {
            char c = java.charAt(i);
            if (java.startsWith("//", i)) {
                int end = java.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(java, i + 2, end).append('\n');
                i = end;
            } else if (java.startsWith("/*", i)) {
                int end = java.indexOf("*/", i + 2);
                end = end < 0 ? n : end;
                for (String line : java.substring(i + 2, end).split("\n")) {
                    out.append(line.replaceFirst("^\\s*\\*+", "")).append('\n');
                }
                i = Math.min(n, end + 2);
            } else if (java.startsWith("\"\"\"", i)) {
                int end = i + 3;
                while (end < n && !(java.startsWith("\"\"\"", end) && java.charAt(end - 1) != '\\')) end++;
                code.append(java, i, Math.min(n, end + 3));
                i = Math.min(n, end + 3);
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && java.charAt(end) != c && java.charAt(end) != '\n') end += java.charAt(end) == '\\' ? 2 : 1;
                code.append(java, i, Math.min(n, end + 1));
                i = end + 1;
            } else {
                code.append(c);
                i++;
            }
        }
        return comments ? out.toString() : code.toString();
    }

    /** What git prints for these arguments in the repository, stripped; empty when git is missing or fails. */
    static String git(String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", ROOT.toString()));
        command.addAll(List.of(args));
        try {
            Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) return "";
            return out;
        } catch (IOException noGit) {
            return "";
        }
    }
}
