package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kizuna.node.Messages;

/**
 * The console speaks English and Japanese everywhere: every message catalogue ({@code src/main/resources/i18n}) has
 * the same keys in both languages, every {@code #{key}} of a page and every {@code Kizuna.t('key')} of a script names
 * a key both languages have, the texts with arguments take the same arguments in both, and no Japanese text is an
 * English one left untranslated.
 */
class MessageCatalogueTests {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern SCRIPT_KEY = Pattern.compile("\\bt\\(\\s*'([a-z][A-Za-z0-9_.-]*[A-Za-z0-9_])'\\s*[,)]");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    /** Texts that are the same in both languages by nature: names of languages, the language tag, acronyms. */
    private static final Pattern SAME_IN_BOTH = Pattern.compile("(console\\.language\\..*|.*\\.lang|console\\.nav\\.tak)");

    @Test
    void everyCatalogueHasTheSameKeysInEnglishAndJapanese() throws IOException {
        List<String> faults = new ArrayList<>();
        try (Stream<Path> files = Files.list(RESOURCES.resolve("i18n"))) {
            for (Path en : files.filter(p -> p.toString().endsWith(".properties") && !p.getFileName().toString().contains("_")).sorted().toList()) {
                Path ja = en.resolveSibling(en.getFileName().toString().replace(".properties", "_ja.properties"));
                assertThat(ja).as("the Japanese catalogue of " + en.getFileName()).exists();
                Map<String, String> english = load(en), japanese = load(ja);
                for (String key : english.keySet()) {
                    if (!japanese.containsKey(key)) faults.add(key + " is missing in " + ja.getFileName());
                }
                for (String key : japanese.keySet()) {
                    if (!english.containsKey(key)) faults.add(key + " is missing in " + en.getFileName());
                }
                for (var e : english.entrySet()) {
                    String jaText = japanese.get(e.getKey());
                    if (jaText == null) continue;
                    if (!arguments(e.getValue()).equals(arguments(jaText)) && !e.getKey().startsWith("identity.write-refused")) {
                        faults.add(e.getKey() + " takes arguments " + arguments(e.getValue()) + " in English but " + arguments(jaText) + " in Japanese");
                    }
                    if (jaText.equals(e.getValue()) && jaText.matches(".*[a-z]{4,}.*") && !SAME_IN_BOTH.matcher(e.getKey()).matches()) {
                        faults.add(e.getKey() + " is not translated: " + jaText);
                    }
                    try {
                        new MessageFormat(e.getValue(), Locale.ENGLISH);
                        new MessageFormat(jaText, Locale.JAPANESE);
                    } catch (IllegalArgumentException bad) {
                        faults.add(e.getKey() + " is not a valid message format: " + bad.getMessage());
                    }
                }
            }
        }
        assertThat(faults).isEmpty();
    }

    @Test
    void everyKeyAPageOrScriptUsesIsInBothLanguages() throws IOException {
        Messages messages = Messages.load();
        Set<String> english = messages.keys(Locale.ENGLISH), japanese = messages.keys(Locale.JAPANESE);
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.toString();
                if (name.contains("/vendor/") || name.contains("/db/")) continue;
                if (name.endsWith(".html")) used.addAll(Messages.placeholders(Files.readString(file)));
                if (name.endsWith(".js")) {
                    Matcher m = SCRIPT_KEY.matcher(Files.readString(file));
                    while (m.find()) used.add(m.group(1));
                }
            }
        }
        assertThat(used).as("keys the console uses").isNotEmpty();
        List<String> missing = new ArrayList<>();
        for (String key : used) {
            if (!english.contains(key)) missing.add(key + " (English)");
            if (!japanese.contains(key)) missing.add(key + " (Japanese)");
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyWriteIsNamedInBothLanguages() {
        Messages messages = Messages.load();
        for (org.kizuna.identity.Write w : org.kizuna.identity.Write.values()) {
            for (String part : List.of("what", "whose")) {
                String key = "identity.write." + w.name() + "." + part;
                assertThat(messages.keys(Locale.ENGLISH)).as(key).contains(key);
                assertThat(messages.keys(Locale.JAPANESE)).as(key).contains(key);
            }
        }
    }

    private static Set<Integer> arguments(String text) {
        Set<Integer> args = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(text);
        while (m.find()) args.add(Integer.parseInt(m.group(1)));
        return args;
    }

    private static Map<String, String> load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Map<String, String> map = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
        return map;
    }
}
