package io.collectionstrategy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces the wall-clock deadline of assessments from outside the assessing thread, for the time a rule spends
 * inside one firing or one evaluation (the engine's own listener checks the deadline between firings). One daemon
 * thread per JVM, {@value #THREAD_NAME}, started with the first assessment and parked while none runs.
 *
 * <p>At the deadline it halts the session and interrupts the thread, which ends a sleep or a wait in a rule. If the
 * thread is still inside a rule's consequence a grace period later (a busy loop of a rulebook built with
 * {@code allowUnsafeRules}: the sandbox admits no loops), it stops the thread with {@link Thread#stop()} where the
 * JVM still supports it, and logs it: the {@code ThreadDeath} ends that one assessment.
 */
final class Watchdog {

    static final String THREAD_NAME = "collection-strategy-watchdog";
    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final Watchdog INSTANCE = new Watchdog();

    /** One assessment in flight. */
    static final class Run {
        final Thread thread = Thread.currentThread();
        final long deadline;
        final long stopAt;
        final KieSession session;
        /** Set by the engine's listener while a consequence runs. */
        volatile boolean inConsequence;
        /** Set once the deadline passed; read by the assessing thread. */
        volatile boolean expired;
        private boolean done;
        private boolean interrupted;
        private boolean stopped;

        Run(long deadline, long grace, KieSession session) {
            this.deadline = deadline;
            this.stopAt = deadline + grace;
            this.session = session;
        }

        /** Called by the watchdog. */
        private synchronized void check(long now) {
            if (done) {
                return;
            }
            if (!expired && now - deadline > 0) {
                expired = true;
                try {
                    session.halt();
                } catch (RuntimeException e) {
                    LOG.debug("halting a session failed: {}", e.toString());
                }
                interrupted = true;
                thread.interrupt();
            } else if (expired && !stopped && inConsequence && now - stopAt > 0) {
                stopped = true;
                stop(thread);
            }
        }

        /**
         * Ends the run: the watchdog no longer touches the thread; an interrupt it sent is cleared.
         *
         * @return whether the watchdog acted on it (halted the session, interrupted or stopped the thread): the
         *     session is then not reused
         */
        synchronized boolean end() {
            done = true;
            if (interrupted) {
                Thread.interrupted();
            }
            return expired || stopped;
        }
    }

    private final Set<Run> runs = ConcurrentHashMap.newKeySet();
    private volatile Thread thread;
    private volatile boolean idle;

    private Watchdog() {
    }

    /**
     * Watches an assessment on the calling thread until {@link #end(Run)}.
     *
     * @param deadline {@link System#nanoTime()} by which the assessment must be over
     * @param grace    how long after the deadline a consequence still running is stopped, in nanoseconds
     */
    static Run start(long deadline, long grace, KieSession session) {
        Run run = new Run(deadline, grace, session);
        INSTANCE.add(run);
        return run;
    }

    static boolean end(Run run) {
        INSTANCE.runs.remove(run);
        return run.end();
    }

    private void add(Run run) {
        runs.add(run);
        Thread t = thread;
        if (t == null) {
            synchronized (this) {
                if (thread == null) {
                    t = new Thread(this::loop, THREAD_NAME);
                    t.setDaemon(true);
                    thread = t;
                    t.start();
                }
                t = thread;
            }
        }
        if (idle) {
            LockSupport.unpark(t);
        }
    }

    private void loop() {
        while (true) {
            try {
                if (runs.isEmpty()) {
                    idle = true;
                    if (runs.isEmpty()) {
                        LockSupport.park(this);
                    }
                    idle = false;
                    continue;
                }
                LockSupport.parkNanos(this, TICK_NANOS);
                long now = System.nanoTime();
                for (Run run : runs) {
                    run.check(now);
                }
            } catch (Throwable t) { // the watchdog must never die
                LOG.error("the assessment watchdog failed; it keeps watching", t);
            }
        }
    }

    /** {@link Thread#stop()}, called reflectively: deprecated, and unsupported from Java 20 on. */
    private static void stop(Thread thread) {
        try {
            Thread.class.getMethod("stop").invoke(thread);
            LOG.warn("stopped thread {}: a rule's consequence kept running past the assessment's deadline (a rulebook"
                    + " built with allowUnsafeRules)", thread.getName());
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("thread {} runs a rule's consequence past the assessment's deadline and cannot be stopped on this"
                    + " JVM ({}): a trusted rulebook (allowUnsafeRules) may not loop forever", thread.getName(),
                    e.getCause() == null ? e.toString() : e.getCause().toString());
        }
    }
}
