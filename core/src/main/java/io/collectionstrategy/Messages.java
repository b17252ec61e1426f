package io.collectionstrategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's and the compliance guard's own texts in one language, and how that language writes dates and amounts:
 * the built-in message catalogue {@code messages/<locale>.yaml} next to this class. English is the default; a locale
 * without a file of its own uses the file of its language, then English, and a text missing from a file is taken from
 * the English one. Immutable; one instance per locale, shared.
 *
 * <p>A text is a template with named arguments in braces ({@code "the limitation period ended on {ends}"}); a date
 * argument is written in the date format of the debtor's jurisdiction ({@link Bound}), an amount with its currency.
 */
final class Messages {

    /** The locales with a built-in file, English first. */
    static final List<String> LOCALES = List.of("en", "zh-CN");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Messages> BY_TAG = new ConcurrentHashMap<>();

    /** The tag of the file these texts come from. */
    final String tag;
    final Locale locale;
    private final Map<String, String> texts;
    private final Map<String, String> defaults;
    private final DateTimeFormatter date;
    private final Map<String, DateTimeFormatter> dateIn;
    private final String amount;
    private final Map<String, String> currencies;
    private final ScriptCatalogue.AmountFormat numbers;
    /** Currency code to the amount template with the currency's parts filled in, split at {number}. */
    private final Map<String, String[]> amountParts = new ConcurrentHashMap<>();
    private final Messages english;

    private Messages(String tag, JsonNode root, Messages english) {
        this.tag = tag;
        this.locale = Locale.forLanguageTag(tag);
        this.english = english;
        this.texts = strings(root.path("texts"));
        this.defaults = strings(root.path("defaults"));
        JsonNode formats = root.path("formats");
        this.date = DateTimeFormatter.ofPattern(formats.path("date").asText("uuuu-MM-dd"), locale);
        Map<String, DateTimeFormatter> in = new LinkedHashMap<>();
        strings(formats.path("dateIn")).forEach((j, p) -> in.put(j, DateTimeFormatter.ofPattern(p, locale)));
        this.dateIn = Map.copyOf(in);
        this.amount = formats.path("amount").asText("{number} {code}");
        this.currencies = strings(formats.path("currencies"));
        this.numbers = ScriptCatalogue.AmountFormat.of(locale);
    }

    /**
     * @param tag a language tag, e.g. {@code zh-CN}
     * @return the texts of that locale: its own file, else its language's, else English
     */
    static Messages of(String tag) {
        Messages known = BY_TAG.get(tag);
        if (known != null) {
            return known;
        }
        String file = resolve(Locale.forLanguageTag(tag));
        Messages made;
        if (!file.equals(tag)) {
            made = of(file);
        } else {
            made = new Messages(file, read(file), file.equals("en") ? null : of("en"));
        }
        Messages earlier = BY_TAG.putIfAbsent(tag, made); // two threads may both read a file once; one instance wins
        return earlier != null ? earlier : made;
    }

    /** The built-in file for a locale: the exact tag, then the first of the same language, then English. */
    private static String resolve(Locale requested) {
        String tag = requested.toLanguageTag();
        if (LOCALES.contains(tag)) {
            return tag;
        }
        for (String candidate : LOCALES) {
            if (Locale.forLanguageTag(candidate).getLanguage().equals(requested.getLanguage())) {
                return candidate;
            }
        }
        return "en";
    }

    private static JsonNode read(String tag) {
        String resource = "messages/" + tag + ".yaml";
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in message catalogue " + resource + " is missing");
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in message catalogue " + resource, e);
        }
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode()) {
                out.put(e.getKey(), e.getValue().asText().replaceAll("\\R+$", ""));
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** @return the keys of the texts in this file, sorted */
    Set<String> keys() {
        return new TreeSet<>(texts.keySet());
    }

    /**
     * A default of this language: {@code agent}, {@code company} (what stands for the collector and the firm when
     * neither the builder nor the script catalogue names them) or {@code verify} (the right-party check of a script
     * that has none).
     *
     * @return the text, or the English one
     */
    String defaultText(String key) {
        String own = defaults.get(key);
        if (own != null && !own.isBlank()) {
            return own.strip();
        }
        return english == null ? "" : english.defaultText(key);
    }

    /** @return a date as this language writes it in the jurisdiction (e.g. {@code 21 October 2026}, {@code 2026年10月21日}) */
    String date(LocalDate d, String jurisdiction) {
        DateTimeFormatter f = jurisdiction == null ? null : dateIn.get(jurisdiction);
        return (f == null ? date : f).format(d);
    }

    /** Appends a date as this language writes it in the jurisdiction. */
    void appendDate(StringBuilder out, LocalDate d, String jurisdiction) {
        DateTimeFormatter f = jurisdiction == null ? null : dateIn.get(jurisdiction);
        (f == null ? date : f).formatTo(d, out);
    }

    /** Appends an amount with its currency as this language says it ({@code 5,046.53元}, {@code $5,046.53}). */
    void appendAmount(StringBuilder out, BigDecimal value, String currency) {
        String[] parts = amountParts.computeIfAbsent(currency == null ? "" : currency, this::amountParts);
        out.append(parts[0]);
        numbers.append(value, out);
        out.append(parts[1]);
    }

    /** @return an amount with its currency as this language says it */
    String amount(BigDecimal value, String currency) {
        StringBuilder out = new StringBuilder(24);
        appendAmount(out, value, currency);
        return out.toString();
    }

    private String[] amountParts(String code) {
        String template = currencies.getOrDefault(code, amount);
        String name = code;
        try {
            name = Currency.getInstance(code).getDisplayName(locale);
        } catch (IllegalArgumentException | NullPointerException e) {
            // not an ISO 4217 code: the code itself stands for the name
        }
        String filled = template.replace("{code}", code).replace("{name}", name);
        int at = filled.indexOf("{number}");
        if (at < 0) {
            return new String[] {filled + " ", ""};
        }
        return new String[] {filled.substring(0, at), filled.substring(at + "{number}".length())};
    }

    /** @return the texts bound to a jurisdiction, whose date format their dates take */
    Bound in(String jurisdiction) {
        return new Bound(this, jurisdiction);
    }

    /** The template of a text: this file's, else the English one. */
    private String template(String key) {
        String own = texts.get(key);
        if (own != null) {
            return own;
        }
        if (english != null) {
            return english.template(key);
        }
        throw new IllegalArgumentException("no built-in text " + key);
    }

    /**
     * The texts of one language, with the dates written as in one jurisdiction.
     *
     * @param messages     the language's texts and formats
     * @param jurisdiction the jurisdiction code whose date format applies, or {@code null} for the language's own
     */
    record Bound(Messages messages, String jurisdiction) {

        /**
         * Fills a text.
         *
         * @param key  the text's key, e.g. {@code blocked.timeBarred}
         * @param args names and values, alternating: a {@link LocalDate} is written as a date of the jurisdiction,
         *             anything else as {@link String#valueOf}
         * @return the text in this language (English when the language's file lacks it)
         */
        String text(String key, Object... args) {
            String t = messages.template(key);
            if (args.length == 0 || t.indexOf('{') < 0) {
                return t;
            }
            StringBuilder out = new StringBuilder(t.length() + 32);
            int from = 0;
            while (from < t.length()) {
                int open = t.indexOf('{', from);
                int close = open < 0 ? -1 : t.indexOf('}', open);
                if (close < 0) {
                    out.append(t, from, t.length());
                    break;
                }
                out.append(t, from, open);
                String name = t.substring(open + 1, close);
                Object value = null;
                boolean found = false;
                for (int i = 0; i + 1 < args.length; i += 2) {
                    if (name.equals(args[i])) {
                        value = args[i + 1];
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    out.append(t, open, close + 1);
                } else if (value instanceof LocalDate d) {
                    out.append(date(d));
                } else {
                    out.append(value);
                }
                from = close + 1;
            }
            return out.toString();
        }

        /** @return a date as written in this language and jurisdiction */
        String date(LocalDate d) {
            return messages.date(d, jurisdiction);
        }
    }
}
