package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The bounds of one assessment, with trusted rulebooks ({@code allowUnsafeRules}) that do what the sandbox refuses:
 * sleep, loop, recurse, allocate, keep re-firing. Each fails only its own debtor with an {@link AssessmentException}
 * naming the rule, and the engine goes on assessing. The time limits of these tests only guard against a hang; they
 * are far above the bounds they test.
 */
class BoundsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    private static final Duration HANG = Duration.ofSeconds(120);

    /** A rule that misbehaves only for the debtor with 99 days overdue. */
    private static CollectionStrategy trusted(String consequence, String extra, Duration maxTime) {
        Rulebook rulebook = TestRulebooks.with("rules/bad.drl", TestRulebooks.HEADER + extra + """
                rule "Misbehaves"
                    @id("BAD-1")
                when
                    $d : Debtor( daysOverdue == 99 )
                then
                    %s
                end
                """.formatted(consequence));
        return CollectionStrategy.builder().rulebook(rulebook).locale(Locale.ENGLISH).allowUnsafeRules(true)
                .maxAssessmentTime(maxTime).build();
    }

    private static AssessmentException failsAndEngineGoesOn(CollectionStrategy strategy) {
        AssessmentException e = assertTimeoutPreemptively(HANG, () -> catchThrowableOfType(AssessmentException.class,
                () -> strategy.assess(Debtor.builder("C-BAD").daysOverdue(99).build(), AS_OF)));
        assertThat(e).isNotNull();
        assertThat(e.caseId()).isEqualTo("C-BAD");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        for (int i = 0; i < 3; i++) {
            Assessment ok = strategy.assess(Debtor.builder("C-OK-" + i).daysOverdue(30)
                    .behaviours(Behaviour.AVOIDS_CONTACT).build(), AS_OF);
            assertThat(ok.debtorType()).isEqualTo("EVASIVE");
        }
        return e;
    }

    @Test
    void sleepingRule_isInterruptedAtTheDeadline() {
        AssessmentException e = failsAndEngineGoesOn(trusted("Thread.sleep( 600_000 );", "", Duration.ofMillis(200)));

        assertThat(e.ruleId()).isEqualTo("BAD-1");
        assertThat(e.getMessage()).contains("longer than 200 ms (maxAssessmentTime)", "C-BAD", "BAD-1");
    }

    @Test
    void busyLoopOfATrustedRule_isStoppedAfterTheGracePeriod() {
        assumeTrue(Runtime.version().feature() < 20, "Thread.stop is unsupported from Java 20 on");

        AssessmentException e = failsAndEngineGoesOn(trusted("while (true) { $d.id().length(); }", "",
                Duration.ofMillis(200)));

        assertThat(e.ruleId()).isEqualTo("BAD-1");
        assertThat(e.getMessage()).contains("maxAssessmentTime", "BAD-1");
    }

    @Test
    void recursion_givesStackOverflowAsTheFailureOfOneAssessment() {
        AssessmentException e = failsAndEngineGoesOn(trusted("outcome.evidence( \"X\", down( 1 ), \"x\" );",
                "function int down(int n) { return down(n + 1) + 1; }\n", Duration.ofSeconds(30)));

        assertThat(e.ruleId()).isEqualTo("BAD-1");
        assertThat(e.getMessage()).contains("recursed too deeply", "StackOverflowError", "C-BAD");
    }

    @Test
    void allocation_givesOutOfMemoryAsTheFailureOfOneAssessment() {
        AssessmentException e = failsAndEngineGoesOn(trusted("long[] a = new long[Integer.MAX_VALUE];"
                + " outcome.evidence( \"X\", a.length, \"x\" );", "", Duration.ofSeconds(30)));

        assertThat(e.ruleId()).isEqualTo("BAD-1");
        assertThat(e.getMessage()).contains("ran out of memory", "OutOfMemoryError");
    }

    @Test
    void manyFirings_areStoppedByTheDeadlineWhenTheFiringLimitIsHigh() {
        String counter = """
                rule "Start"
                    @id("START")
                when
                    Debtor( daysOverdue == 99 )
                then
                    insert( new java.util.concurrent.atomic.AtomicLong() );
                end
                rule "Count slowly"
                    @id("SLOW")
                when
                    $c : java.util.concurrent.atomic.AtomicLong()
                then
                    $c.incrementAndGet();
                    Thread.sleep( 1 );
                    update( $c );
                end
                """;
        CollectionStrategy strategy = CollectionStrategy.builder()
                .rulebook(TestRulebooks.with("rules/slow.drl", TestRulebooks.HEADER + counter))
                .locale(Locale.ENGLISH).allowUnsafeRules(true).maxRuleFirings(Integer.MAX_VALUE - 1)
                .maxAssessmentTime(Duration.ofMillis(300)).build();

        AssessmentException e = failsAndEngineGoesOn(strategy);

        assertThat(e.ruleId()).isEqualTo("SLOW");
        assertThat(e.getMessage()).contains("longer than 300 ms", "SLOW");
    }

    @Test
    void firingLimit_blamesTheRuleThatChangesFacts_notOneThatFiredAsOften() {
        String rules = """
                rule "Start"
                    @id("LOOP-0")
                when
                    Debtor( daysOverdue == 99 )
                then
                    insert( new java.util.concurrent.atomic.AtomicInteger() );
                end
                // The culprit: changes the counter, which wakes itself and the innocent rule up again.
                rule "Count forever"
                    @id("LOOP-1")
                when
                    $c : java.util.concurrent.atomic.AtomicInteger()
                then
                    $c.incrementAndGet();
                    update( $c );
                end
                // Innocent: reads the counter, fires as often as the culprit, changes nothing.
                rule "Watch the counter"
                    @id("LOOP-2")
                    salience 10
                when
                    java.util.concurrent.atomic.AtomicInteger()
                then
                    outcome.warning( "COUNTING", "still counting" );
                end
                """;
        for (String order : new String[] {rules, rules.replace("salience 10", "salience -10")}) {
            CollectionStrategy strategy = CollectionStrategy.builder()
                    .rulebook(TestRulebooks.with("rules/loop.drl", TestRulebooks.HEADER + order))
                    .locale(Locale.ENGLISH).allowUnsafeRules(true).maxRuleFirings(400).build();

            AssessmentException e = failsAndEngineGoesOn(strategy);

            assertThat(e.ruleId()).isEqualTo("LOOP-1");
            assertThat(e.getMessage()).contains("rule LOOP-1 \"Count forever\"", "changed facts", "400");
        }
    }

    @Test
    void defaultBounds_areSafe() {
        assertThat(CollectionStrategy.Builder.DEFAULT_MAX_ASSESSMENT_MILLIS).isBetween(50L, 5_000L);
    }
}
