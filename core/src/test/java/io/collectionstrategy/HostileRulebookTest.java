package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of hostile rulebooks in {@code src/test/resources/hostile}: each is refused by the sandbox with
 * {@code file:line}, and nothing in it ran (no file created, no system property set), neither while building nor
 * after.
 */
class HostileRulebookTest {

    static final String PROPERTY = "hostile.ran";

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(HostileRulebookTest.class.getResource("/hostile").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".drl")).sorted().toList().stream();
        }
    }

    @BeforeEach
    @AfterEach
    void clean() throws IOException {
        System.clearProperty(PROPERTY);
        for (Path marker : markers()) {
            Files.delete(marker);
        }
    }

    static List<Path> markers() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("hostile-ran")).toList();
        }
    }

    static void assertNothingRan() throws IOException {
        assertThat(System.getProperty(PROPERTY)).as("system property set by a hostile rule").isNull();
        assertThat(markers()).as("files created by a hostile rule").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void hostileRulebook_isRefusedNamingFileAndLine_andNothingRan(Path file) throws IOException {
        Rulebook hostile = TestRulebooks.with("rules/hostile.drl", Files.readString(file));

        RulebookException e = catchThrowableOfType(RulebookException.class,
                () -> CollectionStrategy.builder().rulebook(hostile).locale(Locale.ENGLISH).build());

        assertThat(e).as(file.getFileName() + " was accepted").isNotNull();
        assertThat(e.problems()).filteredOn(p -> p.file().equals("rules/hostile.drl"))
                .as(file.getFileName() + ": a problem in the hostile file with its line").isNotEmpty()
                .allSatisfy(p -> assertThat(p.line()).isPositive());
        assertNothingRan();
    }

    @Test
    void corpus_hasAtLeastFiftyRulebooksOfEveryKind() throws Exception {
        Map<String, Long> byKind = new TreeMap<>(corpus().collect(Collectors.groupingBy(p -> {
            try {
                String first = Files.readAllLines(p).get(0);
                return first.substring(3, first.indexOf(':'));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, Collectors.counting())));

        assertThat(byKind.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(50);
        assertThat(byKind).containsKeys("one line after an import", "text block", "unicode escape",
                "comments inside tokens", "MVEL", "qualified names", "reflection through java.beans",
                "class loading through the engine", "JNDI", "Formatter", "threads", "sleeps", "loops", "recursion",
                "allocation", "catastrophic regex", "engine internals", "System.out, getenv, properties");
        assertThat(byKind.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(2));
    }

    @Test
    void textThatLooksLikeATemplate_isOnlyText() throws IOException {
        // Drools fills its code templates with MVEL; a rule's own texts must not be evaluated as templates.
        Rulebook texts = TestRulebooks.with("rules/texts.drl", TestRulebooks.HEADER + """
                rule "Texts"
                    @id("TXT-1")
                when
                    Debtor( name != "@{System.setProperty('hostile.ran', 'lhs')}" )
                then
                    outcome.warning( "TEMPLATE", "@{System.setProperty('hostile.ran', 'rhs')} ${x} #{y}" );
                end
                """);
        CollectionStrategy strategy = CollectionStrategy.builder().rulebook(texts).locale(Locale.ENGLISH).build();

        Assessment a = strategy.assess(Debtor.builder("C-T").name("Wang").daysOverdue(3).build(), LocalDate.of(2026, 1, 1));

        assertThat(a.warnings()).filteredOn(w -> w.code().equals("TEMPLATE")).singleElement()
                .satisfies(w -> assertThat(w.message()).startsWith("@{System.setProperty"));
        assertNothingRan();
    }

    @Test
    void refusal_saysWhatWasFoundAndWhatToWriteInstead() {
        Rulebook looping = TestRulebooks.with("rules/loop.drl", TestRulebooks.HEADER + """
                rule "Loops"
                    @id("LP-1")
                when
                    Debtor()
                then
                    while (true) { }
                end
                """);

        RulebookException e = catchThrowableOfType(RulebookException.class,
                () -> CollectionStrategy.builder().rulebook(looping).build());

        assertThat(e.getMessage()).contains("rules/loop.drl:10: rule \"Loops\": loops are not allowed: a rule fires once"
                + " for each match of its conditions; write one rule per case");
    }
}
