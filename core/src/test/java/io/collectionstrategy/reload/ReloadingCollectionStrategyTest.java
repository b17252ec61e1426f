package io.collectionstrategy.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collectionstrategy.*;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingCollectionStrategyTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);
    private static final Debtor DEBTOR = Debtor.builder("C1").name("Ana").daysOverdue(40).amountOverdue("120.00").build();
    private static final String RULES = "collection/rules.drl";
    private static final String SCENARIOS = "scenarios/basic.csv";
    /** Line of {@code Debtor()} in the first rule of {@link #rules(String)}. */
    private static final int FIRST_CONDITION_LINE = 11;

    @TempDir
    Path dir;

    private final List<ReloadEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void writeRulebook() throws IOException {
        write(RULES, rules("EVASIVE"));
        write("scripts/en.yaml", """
                # Script catalogue of the test rulebook
                locale: en
                fallbacks:
                  name: "customer"
                scripts:
                  TYPE_TEST:
                    title: "Test script"
                    text: |
                      Hello {name}, {amount} is {daysOverdue} days overdue. Can you pay today?
                    do:
                      - "Ask for a date"
                    avoid:
                      - "Do not raise your voice"
                """);
        write(SCENARIOS, scenario("EVASIVE"));
    }

    /** A two-rule rulebook that gives every debtor {@code type} and a phone call. */
    private static String rules(String type) {
        return """
                package collection;

                import io.collectionstrategy.Debtor;
                import io.collectionstrategy.EscalationStep;

                global io.collectionstrategy.facts.Outcome outcome;

                rule "Every debtor has the test type"
                    @id("T-001")
                when
                    Debtor()
                then
                    outcome.evidence( "%s", 3, "every debtor" );
                    outcome.script( "TYPE_TEST" );
                end

                rule "Every debtor gets a call"
                    @id("T-002")
                when
                    Debtor()
                then
                    insert( new EscalationStep( "PHONE_CALL", 0, "call today" ) );
                end
                """.formatted(type);
    }

    private static String scenario(String type) {
        return "scenario,id,daysOverdue,expect.type,expect.firstStep\n"
                + "every debtor is " + type + ",S1,40," + type + ",PHONE_CALL\n";
    }

    private void write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Writes a valid rulebook of that type: rules and their scenario together. */
    private void writeType(String type) throws IOException {
        write(RULES, rules(type));
        write(SCENARIOS, scenario(type));
    }

    private ReloadingCollectionStrategy manual() {
        return ReloadingCollectionStrategy.manual(dir, b -> b.locale(Locale.ENGLISH), events::add);
    }

    @Test
    void start_validRulebook_servesIt() {
        try (ReloadingCollectionStrategy strategy = manual()) {
            Assessment a = strategy.assess(DEBTOR, AS_OF);

            assertThat(a.debtorType()).isEqualTo("EVASIVE");
            assertThat(a.firstStep()).map(EscalationStep::step).contains("PHONE_CALL");
            assertThat(a.script().text()).contains("Hello Ana");
            assertThat(a.rulebook()).isEqualTo(strategy.rulebook());
            assertThat(strategy.rulebook().version()).isEqualTo(Rulebook.fromDirectory(dir).version());
            assertThat(strategy.isWatching()).isFalse();
            assertThat(events).isEmpty();
        }
    }

    @Test
    void start_brokenRulebook_throwsRulebookExceptionWithFileAndLine() throws IOException {
        write(RULES, rules("EVASIVE").replace("    Debtor()\nthen\n    outcome.evidence",
                "    Debtor( daysOverdue >= )\nthen\n    outcome.evidence"));

        assertThatThrownBy(this::manual)
                .isInstanceOfSatisfying(RulebookException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.file()).isEqualTo(RULES)));
    }

    @Test
    void start_failingScenario_throwsRulebookException() throws IOException {
        write(SCENARIOS, scenario("STUBBORN"));

        assertThatThrownBy(this::manual)
                .isInstanceOfSatisfying(RulebookException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo(SCENARIOS);
                            assertThat(p.message()).contains("expected type STUBBORN, got EVASIVE");
                        }));
    }

    @Test
    void reloadNow_unchangedDirectory_keepsRulebookWithoutEvent() throws IOException {
        try (ReloadingCollectionStrategy strategy = manual()) {
            RulebookInfo before = strategy.rulebook();
            write("README.md", "not part of the rulebook");

            assertThat(strategy.reloadNow()).isFalse();
            assertThat(strategy.rulebook()).isEqualTo(before);
            assertThat(events).isEmpty();
        }
    }

    @Test
    void reloadNow_validEdit_swapsRulebookAndTellsListener() throws IOException {
        try (ReloadingCollectionStrategy strategy = manual()) {
            RulebookInfo before = strategy.rulebook();
            CollectionStrategy pinned = strategy.current();
            writeType("STUBBORN");

            assertThat(strategy.reloadNow()).isTrue();

            assertThat(strategy.rulebook().version()).isNotEqualTo(before.version());
            Assessment a = strategy.assess(DEBTOR, AS_OF);
            assertThat(a.debtorType()).isEqualTo("STUBBORN");
            assertThat(a.rulebook()).isEqualTo(strategy.rulebook());
            assertThat(pinned.assess(DEBTOR, AS_OF).debtorType()).as("a snapshot keeps its rulebook").isEqualTo("EVASIVE");
            assertThat(events).containsExactly(ReloadEvent.reloaded(before, strategy.rulebook()));
        }
    }

    @Test
    void reloadNow_syntaxError_keepsOldRulebookAndReportsFileAndLine() throws IOException {
        try (ReloadingCollectionStrategy strategy = manual()) {
            RulebookInfo before = strategy.rulebook();
            write(RULES, rules("STUBBORN").replace("    Debtor()\nthen\n    outcome.evidence",
                    "    Debtor( daysOverdue >= )\nthen\n    outcome.evidence"));

            assertThat(strategy.reloadNow()).isFalse();

            assertThat(strategy.rulebook()).isEqualTo(before);
            assertThat(strategy.assess(DEBTOR, AS_OF).debtorType()).isEqualTo("EVASIVE");
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.rejected()).isTrue();
                assertThat(e.current()).isEqualTo(before);
                assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                    assertThat(p.file()).isEqualTo(RULES);
                    assertThat(p.line()).isEqualTo(FIRST_CONDITION_LINE);
                    assertThat(p.toString()).startsWith(RULES + ":" + FIRST_CONDITION_LINE + ": ");
                });
            });
        }
    }

    @Test
    void reloadNow_missingRuleId_keepsOldRulebook() throws IOException {
        try (ReloadingCollectionStrategy strategy = manual()) {
            write(RULES, rules("STUBBORN").replace("    @id(\"T-002\")\n", ""));

            assertThat(strategy.reloadNow()).isFalse();

            assertThat(strategy.assess(DEBTOR, AS_OF).debtorType()).isEqualTo("EVASIVE");
            assertThat(events).singleElement().satisfies(e -> assertThat(e.problems())
                    .extracting(RulebookProblem::toString)
                    .anySatisfy(s -> assertThat(s).startsWith(RULES + ":17: ").contains("has no @id")));
        }
    }

    @Test
    void reloadNow_editFailingItsScenario_keepsOldRulebook() throws IOException {
        try (ReloadingCollectionStrategy strategy = manual()) {
            RulebookInfo before = strategy.rulebook();
            write(RULES, rules("STUBBORN")); // compiles, but scenarios/basic.csv still expects EVASIVE

            assertThat(strategy.reloadNow()).isFalse();

            assertThat(strategy.rulebook()).isEqualTo(before);
            assertThat(strategy.assess(DEBTOR, AS_OF).debtorType()).isEqualTo("EVASIVE");
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.reloaded()).isFalse();
                assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo(SCENARIOS);
                    assertThat(p.line()).isPositive();
                    assertThat(p.message()).contains("expected type EVASIVE, got STUBBORN");
                });
            });
        }
    }

    @Test
    void reloadNow_fixAfterRejection_swaps() throws IOException {
        try (ReloadingCollectionStrategy strategy = manual()) {
            write(RULES, rules("STUBBORN"));
            assertThat(strategy.reloadNow()).isFalse();

            write(SCENARIOS, scenario("STUBBORN"));

            assertThat(strategy.reloadNow()).isTrue();
            assertThat(strategy.assess(DEBTOR, AS_OF).debtorType()).isEqualTo("STUBBORN");
            assertThat(events).extracting(ReloadEvent::reloaded).containsExactly(false, true);
        }
    }

    @Test
    void reloadNow_directoryWithoutRules_keepsOldRulebook() throws IOException {
        try (ReloadingCollectionStrategy strategy = manual()) {
            Files.delete(dir.resolve(RULES));

            assertThat(strategy.reloadNow()).isFalse();

            assertThat(strategy.assess(DEBTOR, AS_OF).debtorType()).isEqualTo("EVASIVE");
            assertThat(events).singleElement().satisfies(e -> assertThat(e.problems())
                    .singleElement().satisfies(p -> assertThat(p.message()).contains("holds no .drl file")));
        }
    }

    @Test
    void reloadNow_failingListener_stillSwaps() throws IOException {
        try (ReloadingCollectionStrategy strategy = ReloadingCollectionStrategy.manual(dir,
                b -> b.locale(Locale.ENGLISH), e -> {
                    throw new IllegalStateException("listener bug");
                })) {
            writeType("STUBBORN");

            assertThat(strategy.reloadNow()).isTrue();
            assertThat(strategy.assess(DEBTOR, AS_OF).debtorType()).isEqualTo("STUBBORN");
        }
    }

    @Test
    void assess_duringReloads_neverFailsAndUsesOneRulebookPerCall() throws Exception {
        try (ReloadingCollectionStrategy strategy = manual()) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger assessed = new AtomicInteger();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            Map<String, String> typeByVersion = new ConcurrentHashMap<>();
            List<String> inconsistent = new CopyOnWriteArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread t = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            Assessment a = strategy.assess(DEBTOR, AS_OF);
                            String known = typeByVersion.putIfAbsent(a.rulebook().version(), a.debtorType());
                            if (known != null && !known.equals(a.debtorType())) {
                                inconsistent.add(a.rulebook().version() + ": " + known + " and " + a.debtorType());
                            }
                            assessed.incrementAndGet();
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                }, "assessor-" + i);
                threads.add(t);
                t.start();
            }
            try {
                String[] types = {"STUBBORN", "VICTIM", "CONFIDENT", "EVASIVE"};
                for (String type : types) {
                    writeType(type);
                    assertThat(strategy.reloadNow()).as("reload to %s", type).isTrue();
                    write(RULES, rules("PROVOCATIVE")); // fails its scenario: rejected
                    assertThat(strategy.reloadNow()).isFalse();
                }
            } finally {
                stop.set(true);
                for (Thread t : threads) {
                    t.join(10_000);
                }
            }

            assertThat(failures).isEmpty();
            assertThat(inconsistent).isEmpty();
            assertThat(assessed.get()).isPositive();
            assertThat(typeByVersion).doesNotContainValue("PROVOCATIVE");
            assertThat(events).extracting(ReloadEvent::reloaded)
                    .containsExactly(true, false, true, false, true, false, true, false);
        }
    }

    @Test
    void watch_editsInExistingAndNewSubdirectories_reloadedUntilClosed() throws Exception {
        ReloadingCollectionStrategy strategy = ReloadingCollectionStrategy.watch(dir, b -> b.locale(Locale.ENGLISH),
                events::add);
        try {
            assertThat(strategy.isWatching()).isTrue();
            assertThat(Thread.getAllStackTraces().keySet()).anySatisfy(t -> {
                assertThat(t.getName()).isEqualTo(ReloadingCollectionStrategy.THREAD_NAME);
                assertThat(t.isDaemon()).isTrue();
            });

            // an edit in an existing subdirectory
            writeType("STUBBORN");
            awaitTrue(() -> "STUBBORN".equals(strategy.assess(DEBTOR, AS_OF).debtorType()));

            // a broken edit is rejected by the watcher too
            write(RULES, rules("VICTIM").replace("end\n\nrule", "\nrule"));
            awaitTrue(() -> events.stream().anyMatch(ReloadEvent::rejected));
            assertThat(strategy.assess(DEBTOR, AS_OF).debtorType()).isEqualTo("STUBBORN");
            writeType("STUBBORN");

            // a file in a subdirectory created after the start
            Files.createDirectories(dir.resolve("extra"));
            Thread.sleep(1_000); // let the watcher register the new directory before the file appears in it
            write("extra/visits.drl", """
                    package collection;

                    import io.collectionstrategy.Debtor;
                    import io.collectionstrategy.EscalationStep;

                    rule "Every debtor gets a visit"
                        @id("T-003")
                    when
                        Debtor()
                    then
                        insert( new EscalationStep( "FIELD_VISIT", 7, "visit in a week" ) );
                    end
                    """);
            awaitTrue(() -> strategy.assess(DEBTOR, AS_OF).stepNames().contains("FIELD_VISIT"));
        } finally {
            strategy.close();
        }

        assertThat(strategy.isWatching()).isFalse();
        RulebookInfo closedWith = strategy.rulebook();
        writeType("CONFIDENT");
        Thread.sleep(1_000);
        assertThat(strategy.rulebook()).isEqualTo(closedWith);
        assertThat(strategy.assess(DEBTOR, AS_OF).debtorType()).isEqualTo("STUBBORN");
        assertThat(strategy.reloadNow()).as("reloadNow works after close").isTrue();
    }

    /** Polls every 50 ms for up to 10 s. */
    @Test
    void watch_hostileEdits_areRejectedWithFileAndLine_andTheNextGoodEditLoads() throws Exception {
        try (ReloadingCollectionStrategy strategy = ReloadingCollectionStrategy.watch(dir, b -> b.locale(Locale.ENGLISH),
                events::add)) {
            String serving = strategy.rulebook().version();
            write(RULES, rules("EVASIVE").replace("outcome.script( \"TYPE_TEST\" );",
                    "outcome.script( \"TYPE_TEST\" ); new java.io.File( \"target/hostile-ran-reload\" ).createNewFile();"));
            awaitTrue(() -> events.stream().anyMatch(ReloadEvent::rejected));

            ReloadEvent rejected = events.stream().filter(ReloadEvent::rejected).findFirst().orElseThrow();
            assertThat(rejected.problems()).extracting(RulebookProblem::toString)
                    .anyMatch(p -> p.startsWith(RULES + ":14: rule \"Every debtor has the test type\": new java.io.File"));
            assertThat(strategy.rulebook().version()).isEqualTo(serving);
            assertThat(strategy.isWatching()).isTrue();
            assertThat(Files.exists(Path.of("target/hostile-ran-reload"))).isFalse();

            writeType("STUBBORN");
            awaitTrue(() -> "STUBBORN".equals(strategy.assess(DEBTOR, AS_OF).debtorType()));
            assertThat(strategy.isWatching()).isTrue();
        }
    }

    /** A trusted rulebook (allowUnsafeRules) whose rule overflows the stack for the scenario's debtor. */
    private static String recursing(String type) {
        return rules(type).replace("global io.collectionstrategy.facts.Outcome outcome;",
                "global io.collectionstrategy.facts.Outcome outcome;\n\nfunction int down(int n) { return down(n + 1) + 1; }")
                .replace("outcome.evidence( \"" + type + "\", 3, \"every debtor\" );",
                        "outcome.evidence( \"" + type + "\", down( 1 ), \"every debtor\" );");
    }

    @Test
    void watch_candidateWhoseScenariosOverflowTheStack_isRejected_andTheWatcherKeepsWatching() throws Exception {
        try (ReloadingCollectionStrategy strategy = ReloadingCollectionStrategy.watch(dir,
                b -> b.locale(Locale.ENGLISH).allowUnsafeRules(true), events::add)) {
            write(RULES, recursing("EVASIVE"));
            awaitTrue(() -> events.stream().anyMatch(ReloadEvent::rejected));

            ReloadEvent rejected = events.stream().filter(ReloadEvent::rejected).findFirst().orElseThrow();
            assertThat(rejected.problems()).extracting(RulebookProblem::toString)
                    .anyMatch(p -> p.startsWith(SCENARIOS + ":2: ") && p.contains("StackOverflowError"));
            assertThat(strategy.isWatching()).isTrue();
            assertThat(strategy.assess(DEBTOR, AS_OF).debtorType()).isEqualTo("EVASIVE");

            writeType("STUBBORN");
            awaitTrue(() -> "STUBBORN".equals(strategy.assess(DEBTOR, AS_OF).debtorType()));
        }
    }

    @Test
    void reloadNow_candidateThatLoopsInItsScenarios_isStoppedByTheDeadlineAndRejected() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() < 20, "Thread.stop needs Java < 20");
        try (ReloadingCollectionStrategy strategy = ReloadingCollectionStrategy.manual(dir,
                b -> b.locale(Locale.ENGLISH).allowUnsafeRules(true).maxAssessmentTime(java.time.Duration.ofMillis(200)),
                events::add)) {
            write(RULES, rules("EVASIVE").replace("outcome.script( \"TYPE_TEST\" );",
                    "outcome.script( \"TYPE_TEST\" ); while (true) { }"));

            assertThat(org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(120),
                    strategy::reloadNow)).isFalse();

            assertThat(events).singleElement().satisfies(e -> assertThat(e.problems()).extracting(RulebookProblem::toString)
                    .anyMatch(p -> p.startsWith(SCENARIOS + ":2: ") && p.contains("maxAssessmentTime")));
            writeType("STUBBORN");
            assertThat(strategy.reloadNow()).isTrue();
        }
    }

    @Test
    void reloadNow_stalledCandidate_isRejected_andTheCandidateThreadReplaced() throws IOException {
        try (ReloadingCollectionStrategy strategy = manual()) {
            strategy.candidateTimeoutMillis = 1; // every candidate stalls
            writeType("STUBBORN");

            assertThat(strategy.reloadNow()).isFalse();

            assertThat(events).singleElement().satisfies(e -> assertThat(e.problems()).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("took longer than 1 ms", "stalled")));
            strategy.candidateTimeoutMillis = ReloadingCollectionStrategy.DEFAULT_CANDIDATE_TIMEOUT_MILLIS;
            assertThat(strategy.reloadNow()).isTrue();
            assertThat(strategy.assess(DEBTOR, AS_OF).debtorType()).isEqualTo("STUBBORN");
        }
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 10 s");
            }
            Thread.sleep(50);
        }
    }
}
