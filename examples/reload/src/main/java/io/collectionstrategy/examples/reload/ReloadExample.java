package io.collectionstrategy.examples.reload;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.Behaviour;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.reload.ReloadEvent;
import io.collectionstrategy.reload.ReloadingCollectionStrategy;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.RulebookException;
import io.collectionstrategy.RulebookProblem;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/**
 * Serves a rulebook directory with hot reload: assesses a sample debtor every few seconds and prints the debtor
 * type, the first escalation step and the rulebook version, and every reload or rejected change as it happens.
 *
 * <pre>
 * ReloadExample [RULEBOOK_DIR] [--every SECONDS] [--count N]
 * </pre>
 *
 * <p>{@code RULEBOOK_DIR} defaults to {@code rules/rulebook}; when it does not exist, the default rulebook is copied
 * to a temporary directory and that copy is watched. Edit a rule while it runs: the next line shows the new version
 * (or, for a broken edit, the problems with {@code file:line} while the old version keeps serving).
 */
public final class ReloadExample {

    /** Exit code when the rulebook cannot serve at start. */
    static final int BROKEN_RULEBOOK = 2;
    /** Exit code for wrong arguments. */
    static final int USAGE = 64;

    private static final String USAGE_TEXT = "usage: ReloadExample [RULEBOOK_DIR] [--every SECONDS] [--count N]";

    private ReloadExample() {
    }

    /**
     * Runs until interrupted (Ctrl-C), or {@code --count} assessments.
     *
     * @param args {@code [RULEBOOK_DIR] [--every SECONDS] [--count N]}
     * @throws InterruptedException when interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * The program, with its output streams.
     *
     * @param args the arguments of {@link #main(String[])}
     * @param out  assessments and reload events
     * @param err  usage and start errors
     * @return the exit code: 0, {@value #BROKEN_RULEBOOK} when the rulebook cannot serve, {@value #USAGE} for wrong
     *         arguments
     * @throws InterruptedException when interrupted while waiting
     */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        Path directory = Path.of("rules/rulebook");
        Duration every = Duration.ofSeconds(3);
        long count = Long.MAX_VALUE;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--every" -> every = Duration.ofMillis(Math.round(Double.parseDouble(args[++i]) * 1000));
                    case "--count" -> count = Long.parseLong(args[++i]);
                    case "-h", "--help" -> {
                        out.println(USAGE_TEXT);
                        return 0;
                    }
                    default -> directory = Path.of(args[i]);
                }
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (every.isNegative() || every.isZero() || count <= 0) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (!Files.isDirectory(directory)) {
            Path copy = copyDefaultRulebook();
            out.println("no rulebook directory " + directory + "; watching a copy of the default rulebook in " + copy);
            directory = copy;
        }

        Debtor debtor = sampleDebtor();
        out.println("watching " + directory.toAbsolutePath().normalize() + " - edit a .drl file, a script or a scenario"
                + " and watch the version change; Ctrl-C to stop");
        try (ReloadingCollectionStrategy strategy = ReloadingCollectionStrategy.watch(directory,
                settings -> settings.locale(Locale.ENGLISH), event -> print(event, out))) {
            for (long n = 0; n < count; n++) {
                if (n > 0) {
                    Thread.sleep(every.toMillis());
                }
                out.println(line(strategy.assess(debtor, LocalDate.now())));
            }
        } catch (RulebookException e) {
            err.println("the rulebook cannot serve: " + e.getMessage());
            return BROKEN_RULEBOOK;
        } catch (IllegalArgumentException e) {
            err.println("the rulebook cannot serve: " + e.getMessage());
            return BROKEN_RULEBOOK;
        }
        return 0;
    }

    /** An evasive debtor in the default rulebook: avoids calls, broke a promise, silent for three weeks. */
    static Debtor sampleDebtor() {
        return Debtor.builder("C-1001")
                .name("Li Wei")
                .daysOverdue(45)
                .amountOverdue("8600.00")
                .currency("CNY")
                .contactAttempts(6)
                .contactsReached(1)
                .promisesMade(1)
                .promisesBroken(1)
                .daysSinceLastContact(21)
                .behaviours(Behaviour.AVOIDS_CONTACT)
                .build();
    }

    static String line(Assessment a) {
        String first = a.firstStep().map(s -> s.step() + " in " + s.inDays() + " days").orElse("none");
        return LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  case " + a.id() + ": type " + a.debtorType()
                + ", first step " + first + ", script " + (a.script() == null ? "none" : a.script().id())
                + "  [rulebook " + a.rulebook().name() + " " + a.rulebook().version() + "]";
    }

    static void print(ReloadEvent event, PrintStream out) {
        if (event.reloaded()) {
            out.println(">> reloaded rulebook " + event.current().name() + ": " + event.previous().version() + " -> "
                    + event.current().version());
        } else {
            out.println(">> rejected a change of rulebook " + event.current().name() + ", still serving "
                    + event.current().version() + ":");
            for (RulebookProblem problem : event.problems()) {
                out.println(">>   " + problem);
            }
        }
    }

    private static Path copyDefaultRulebook() {
        try {
            Path copy = Files.createTempDirectory("collection-strategy-rulebook-");
            for (Map.Entry<String, String> file : Rulebook.defaults().files().entrySet()) {
                Path target = copy.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the default rulebook", e);
        }
    }
}
