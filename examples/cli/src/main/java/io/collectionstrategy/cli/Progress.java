package io.collectionstrategy.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar on stderr (rows, rate, ETA when the total is known), or nothing. Shown only when stderr is a
 * terminal or {@code --progress} is given, never in piped output.
 */
final class Progress implements AutoCloseable {

    /** Set by the launcher script when stderr is a terminal ({@code [ -t 2 ]}). */
    static final String STDERR_TTY_PROPERTY = "collection-strategy.stderr.tty";

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    static Progress none() {
        return new Progress(null);
    }

    /** @return true when stderr is a terminal, as far as the JVM (or the launcher) can tell */
    static boolean stderrIsTerminal() {
        String flag = System.getProperty(STDERR_TTY_PROPERTY);
        if (flag != null) {
            return Boolean.parseBoolean(flag);
        }
        return System.console() != null;
    }

    static Progress start(boolean wanted, String task, long total, PrintWriter err) {
        if (!wanted) {
            return none();
        }
        int width = 100;
        try {
            String columns = System.getenv("COLUMNS");
            if (columns != null) {
                width = Math.max(40, Integer.parseInt(columns.trim()) - 1);
            }
        } catch (NumberFormatException e) {
            // keep 100
        }
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).showSpeed()
                .setUnit(" rows", 1).setUpdateIntervalMillis(250)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    err.print('\r');
                    err.print(line);
                    err.flush();
                }, width) {
                    @Override
                    public void close() {
                        err.println();
                        err.flush();
                    }
                });
        if (total < 0) {
            b.hideEta();
        }
        if (!stderrIsTerminal()) {
            b.setStyle(me.tongfei.progressbar.ProgressBarStyle.ASCII); // no colour codes in a log file
        }
        return new Progress(b.build());
    }

    void step() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
