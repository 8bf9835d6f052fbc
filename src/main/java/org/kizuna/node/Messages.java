package org.kizuna.node;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.AbstractMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every text a user of the console can meet, in each of the node's languages (English and Japanese): the message
 * catalogues {@code classpath:i18n/<module>.properties} (English) and {@code <module>_ja.properties} (Japanese), UTF-8,
 * one pair per module, each key starting with the module's name ({@code booking.form.facility}) or {@code common.}.
 * It is the node's {@code MessageSource} (problem+json titles and details, Bean Validation messages written as
 * {@code {key}}), fills the {@code #{key}} placeholders of console pages and hands pages the keys their scripts use.
 * A key missing in one language is a fault of the build ({@code MessageCatalogueTests}), not a fallback at run time;
 * a key missing in both is shown as the key.
 */
public final class Messages extends AbstractMessageSource {

    /** The languages of the console, the first the default. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.JAPANESE);

    private static final Pattern PLACEHOLDER = Pattern.compile("#\\{([a-z][A-Za-z0-9_.-]{0,120})}");

    /** Language tag to key to text. */
    private final Map<String, Map<String, String>> texts;

    private Messages(Map<String, Map<String, String>> texts) {
        this.texts = texts;
        setAlwaysUseMessageFormat(false);
    }

    /** Reads every catalogue on the class path; two catalogues that define one key is an error. */
    public static Messages load() {
        Map<String, Map<String, String>> texts = new HashMap<>();
        Map<String, String> definedIn = new HashMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
                String file = String.valueOf(r.getFilename());
                String base = file.substring(0, file.length() - ".properties".length());
                String language = "en";
                for (Locale l : LANGUAGES) {
                    if (base.endsWith("_" + l.getLanguage())) {
                        language = l.getLanguage();
                        base = base.substring(0, base.length() - 3);
                    }
                }
                Properties p = new Properties();
                try (Reader in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                Map<String, String> lang = texts.computeIfAbsent(language, k -> new TreeMap<>());
                for (String key : p.stringPropertyNames()) {
                    String where = definedIn.putIfAbsent(language + ":" + key, base);
                    if (where != null && !where.equals(base)) {
                        throw new IllegalStateException("the message " + key + " is in two catalogues: " + where + " and " + base);
                    }
                    lang.put(key, p.getProperty(key));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the message catalogues", e);
        }
        return new Messages(texts);
    }

    /** The console's language for a locale: Japanese for {@code ja}, English for anything else. */
    public static Locale language(@Nullable Locale locale) {
        return locale != null && locale.getLanguage().equals("ja") ? Locale.JAPANESE : Locale.ENGLISH;
    }

    /**
     * The catalogues as read once for the whole process, for texts made outside a request (the command line, the
     * English text an exception carries in itself); the node's {@code MessageSource} bean is the same catalogues.
     */
    public static Messages shared() {
        return Shared.TEXTS;
    }

    private static final class Shared {
        static final Messages TEXTS = load();
    }

    /**
     * The text of {@code key} in the locale's language with {@code {0}}-style arguments filled, or the key where none.
     * An argument that is itself a message ({@link MessageSourceResolvable}, a {@link Reason}) is told in the same language.
     */
    public String text(String key, Locale locale, Object... args) {
        if (key.equals(Reason.LIST) || key.equals(Reason.SENTENCES)) {
            boolean ja = language(locale).equals(Locale.JAPANESE);
            String separator = key.equals(Reason.LIST) ? (ja ? "、" : ", ") : (ja ? "。" : "; ");
            StringBuilder joined = new StringBuilder();
            for (Object item : resolved(args, locale)) {
                if (!joined.isEmpty()) joined.append(separator);
                joined.append(item);
            }
            return joined.toString();
        }
        String raw = raw(key, locale);
        if (raw == null) return key;
        return args.length == 0 ? raw : format(raw, language(locale)).format(resolved(args, locale));
    }

    /** Parsed message formats by language and text, each handed out as a copy (a format is not thread-safe). */
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    private MessageFormat format(String raw, Locale language) {
        MessageFormat parsed = formats.size() < 10_000
                ? formats.computeIfAbsent(language.getLanguage() + "|" + raw, k -> new MessageFormat(raw, language))
                : new MessageFormat(raw, language);
        return (MessageFormat) parsed.clone();
    }

    /** The text of a message ({@link Reason}, a {@code Problems.part}) in the locale's language. */
    public String text(MessageSourceResolvable message, Locale locale) {
        String[] codes = message.getCodes();
        Object[] args = message.getArguments();
        if (codes != null) {
            for (String code : codes) {
                if (raw(code, locale) != null || code.equals(Reason.LIST) || code.equals(Reason.SENTENCES)) {
                    return text(code, locale, args == null ? new Object[0] : args);
                }
            }
        }
        String fallback = message.getDefaultMessage();
        return fallback != null ? fallback : codes != null && codes.length > 0 ? codes[0] : "";
    }

    private Object[] resolved(Object[] args, Locale locale) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof MessageSourceResolvable r) out[i] = text(r, locale);
        }
        return out;
    }

    /**
     * A name of reference data in the locale's language: the text of {@code key} ({@code missions.area.isr.name}) for a
     * Japanese reader where the catalogue has one, otherwise {@code english}, the name the reference data gives.
     */
    public String name(String key, String english, @Nullable Locale locale) {
        if (!language(locale).equals(Locale.JAPANESE)) return english;
        String ja = texts.getOrDefault("ja", Map.of()).get(key);
        return ja != null ? ja : english;
    }

    /** Every key of a language. */
    public Set<String> keys(Locale locale) {
        return texts.getOrDefault(language(locale).getLanguage(), Map.of()).keySet();
    }

    /** The texts of the keys that start with one of the prefixes ({@code "booking."}), for a page's scripts. */
    public Map<String, String> withPrefixes(Locale locale, Collection<String> prefixes) {
        Map<String, String> out = new TreeMap<>();
        texts.getOrDefault(language(locale).getLanguage(), Map.of()).forEach((k, v) -> {
            for (String p : prefixes) {
                if (k.startsWith(p)) {
                    out.put(k, v);
                    break;
                }
            }
        });
        return out;
    }

    /**
     * A page with each {@code #{key}} replaced by the key's text, escaped for HTML; a key no catalogue has is an
     * {@link IllegalStateException} naming it (pages are filled at start, so the node does not start with one).
     */
    public String fill(String page, Locale locale, String pageName) {
        Matcher m = PLACEHOLDER.matcher(page);
        StringBuilder out = new StringBuilder(page.length());
        while (m.find()) {
            String raw = raw(m.group(1), locale);
            if (raw == null) throw new IllegalStateException(pageName + " uses the message " + m.group(1) + ", which no catalogue has");
            m.appendReplacement(out, Matcher.quoteReplacement(escapeHtml(raw)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The keys a page uses in {@code #{key}} placeholders. */
    public static Set<String> placeholders(String page) {
        Set<String> keys = new java.util.TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(page);
        while (m.find()) keys.add(m.group(1));
        return keys;
    }

    private @Nullable String raw(String key, @Nullable Locale locale) {
        String text = texts.getOrDefault(language(locale).getLanguage(), Map.of()).get(key);
        return text != null ? text : texts.getOrDefault("en", Map.of()).get(key);
    }

    /** A list of reasons ({@link Reason#LIST}, {@link Reason#SENTENCES}) joined in the locale's language; any other code as Spring does. */
    @Override
    protected @Nullable String getMessageInternal(@Nullable String code, Object @Nullable [] args, @Nullable Locale locale) {
        if (code != null && (code.equals(Reason.LIST) || code.equals(Reason.SENTENCES))) {
            return text(code, locale == null ? Locale.ENGLISH : locale, args == null ? new Object[0] : args);
        }
        return super.getMessageInternal(code, args, locale);
    }

    @Override
    protected @Nullable MessageFormat resolveCode(String code, Locale locale) {
        String raw = raw(code, locale);
        return raw == null ? null : new MessageFormat(raw, language(locale));
    }

    @Override
    protected @Nullable String resolveCodeWithoutArguments(String code, Locale locale) {
        return raw(code, locale);
    }

    private static String escapeHtml(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
