package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in text lint against a corpus written for it (src/test/resources/lint): every forbidden sentence is
 * caught, no legitimate collection sentence is.
 */
class TextLintCorpusTest {

    private static final ScriptLint LINT = ScriptLint.builtIn();

    @Test
    void forbiddenEnglish_everySentence_isCaught() throws IOException {
        assertCaught("lint/forbidden-en.txt", 40);
    }

    @Test
    void forbiddenChinese_everySentence_isCaught() throws IOException {
        assertCaught("lint/forbidden-zh-CN.txt", 40);
    }

    @Test
    void legitimateEnglish_noSentence_isFlagged() throws IOException {
        assertClean("lint/legitimate-en.txt", 40);
    }

    @Test
    void legitimateChinese_noSentence_isFlagged() throws IOException {
        assertClean("lint/legitimate-zh-CN.txt", 40);
    }

    private static void assertCaught(String resource, int atLeast) throws IOException {
        List<String> sentences = sentences(resource);
        assertThat(sentences).hasSizeGreaterThanOrEqualTo(atLeast);
        List<String> missed = new ArrayList<>();
        for (String s : sentences) {
            if (LINT.check(s, false, false).isEmpty()) {
                missed.add(s);
            }
        }
        assertThat(missed).as("forbidden sentences the lint lets through").isEmpty();
    }

    private static void assertClean(String resource, int atLeast) throws IOException {
        List<String> sentences = sentences(resource);
        assertThat(sentences).hasSizeGreaterThanOrEqualTo(atLeast);
        List<String> flagged = new ArrayList<>();
        for (String s : sentences) {
            for (ScriptLint.Finding f : LINT.check(s, false, false)) {
                flagged.add(s + "  <- " + f);
            }
        }
        assertThat(flagged).as("legitimate sentences the lint refuses").isEmpty();
    }

    static List<String> sentences(String resource) throws IOException {
        try (InputStream in = TextLintCorpusTest.class.getClassLoader().getResourceAsStream(resource)) {
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
