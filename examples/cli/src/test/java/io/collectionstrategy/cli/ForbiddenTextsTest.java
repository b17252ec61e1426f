package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.RulebookException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * What {@code check} does with a forbidden sentence an analyst puts into the default rulebook: every one of a sample
 * of core's corpus (src/test/resources/lint), put in turn into a script's text, a talking point, a rule's step reason
 * and a translated reason, makes the rulebook refuse to build; the default rulebook itself builds.
 */
class ForbiddenTextsTest {

    /** Every how-many-th sentence of the corpus is tried (each try builds a rulebook). */
    private static final int SAMPLE = 15;

    @Test
    void defaultRulebook_withAForbiddenSentenceAnywhere_isRefused() throws IOException {
        Map<String, String> defaults = Rulebook.defaults().files();
        CollectionStrategy.builder().rulebook(Rulebook.defaults()).build(); // the untouched rulebook builds

        List<String> accepted = new ArrayList<>();
        int tried = 0;
        for (String language : List.of("en", "zh-CN")) {
            List<String> sentences = sentences("lint/forbidden-" + language + ".txt");
            List<UnaryOperator<Map<String, String>>> places = places(language);
            for (int i = 0; i < sentences.size(); i += SAMPLE) {
                String sentence = sentences.get(i);
                UnaryOperator<Map<String, String>> place = places.get(tried % places.size());
                Map<String, String> files = place.apply(withSentence(new LinkedHashMap<>(defaults), sentence));
                tried++;
                try {
                    CollectionStrategy.builder().rulebook(Rulebook.of("with-forbidden", files)).build();
                    accepted.add(sentence);
                } catch (RulebookException e) {
                    assertThat(e.problems()).as(sentence).anySatisfy(p -> assertThat(p.message()).contains("forbidden phrase"));
                }
            }
        }
        assertThat(tried).isGreaterThan(40);
        assertThat(accepted).as("forbidden sentences the default rulebook accepted").isEmpty();
    }

    /** The sentence, to be put in by one of the places: it is stored under a key no file uses. */
    private static Map<String, String> withSentence(Map<String, String> files, String sentence) {
        files.put("\u0000sentence", sentence);
        return files;
    }

    private static UnaryOperator<Map<String, String>> place(String file, String old, boolean quoted) {
        return files -> {
            String sentence = files.remove("\u0000sentence");
            String text = files.get(file);
            String inserted = quoted ? sentence.replace("\\", "\\\\").replace("\"", "\\\"") : sentence;
            assertThat(text).as(file).contains(old);
            files.put(file, text.replace(old, quoted ? old.substring(0, old.length() - 1) + " " + inserted + "\""
                    : old + " " + inserted));
            return files;
        };
    }

    private static List<UnaryOperator<Map<String, String>>> places(String language) {
        if (language.equals("en")) {
            return List.of(
                    place("scripts/en.yaml", "I am glad we are speaking now.", false),
                    place("scripts/en.yaml", "\"Let the customer set the pace, and pause before discussing figures\"", true),
                    place("collection/escalation.drl", "\"more than a week overdue: ask directly for payment and the cause\"", true),
                    place("scripts/en.yaml", "\"Do not argue about how other lenders treat the customer\"", true));
        }
        return List.of(
                place("scripts/zh-CN.yaml", "很高兴现在和您联系上了。", false),
                place("scripts/zh-CN.yaml", "\"先致哀，说话温和\"", true),
                place("scripts/zh-CN.yaml", "\"逾期超过30天：上门当面沟通\"", true),
                place("collection/escalation.drl", "\"more than 30 days overdue: visit in person\"", true));
    }

    private static List<String> sentences(String resource) throws IOException {
        try (InputStream in = ForbiddenTextsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
            return out;
        }
    }
}
