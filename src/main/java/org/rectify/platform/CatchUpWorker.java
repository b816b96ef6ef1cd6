package org.rectify.platform;

import org.slf4j.Logger;

/**
 * Work a command leaves for after its commit, done by one thread of the node instead of on the command's request
 * (issue 14, Q4): linking the audit chain, applying the dashboard's kept counts. A command that committed such work
 * says so ({@link #committed}) and answers; the thread's next step takes everything committed since its last one (one
 * transaction and one fsync for many commands under load). What waits is durable (written in the command's
 * transaction), so a step that fails, or a node that stops, leaves it for the next step or the next start. A reader
 * that must see this node's commands' work done ({@link #await}) waits for the step under way, or takes one itself when
 * none runs. Idle, the thread takes a step every {@code sweepMillis} anyway, for what another node left behind.
 */
public final class CatchUpWorker {

    private final Runnable step;
    private final Logger log;
    private final String failed;
    private final long sweepMillis;
    private final long pauseMillis;
    private final Thread thread;

    private final Object turns = new Object();
    /** Commands whose work committed on this node, counted in the order they committed. */
    private long committed;
    /** Every command counted up to this one has had its work done (or its step failed: the next does it). */
    private long doneUpTo;
    /** Whether a step runs now (the thread's, or a reader's that could not wait for one). */
    private boolean stepping;
    private boolean stopped;

    /**
     * {@code step} runs in a transaction of its own (a failure is logged as {@code failed}, never thrown); the thread
     * starts its steps at least {@code pauseMillis} apart, so that under load the commands of that time share one.
     */
    public CatchUpWorker(String name, Runnable step, Logger log, String failed, long sweepMillis, long pauseMillis) {
        this.step = step;
        this.log = log;
        this.failed = failed;
        this.sweepMillis = sweepMillis;
        this.pauseMillis = pauseMillis;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Stops the thread after its step under way; work committed meanwhile is done at the next start. */
    public void stop() {
        synchronized (turns) {
            stopped = true;
            turns.notifyAll();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A command's work committed: the next step takes it. */
    public void committed() {
        synchronized (turns) {
            committed++;
            turns.notifyAll();
        }
    }

    /** Returns once the work of every command committed on this node before the call is done. */
    public void await() {
        long mine;
        synchronized (turns) {
            mine = committed;
        }
        while (true) {
            long upTo;
            synchronized (turns) {
                while (stepping && doneUpTo < mine) {
                    try {
                        turns.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (doneUpTo >= mine) {
                    return;
                }
                stepping = true;
                upTo = committed;
            }
            step(upTo);
        }
    }

    private void run() {
        while (true) {
            long upTo;
            synchronized (turns) {
                long since = System.currentTimeMillis();
                while (!stopped && (stepping || doneUpTo >= committed) && System.currentTimeMillis() - since < sweepMillis) {
                    try {
                        turns.wait(sweepMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (stopped) {
                    return;
                }
                if (stepping) {
                    continue;
                }
                stepping = true;
                upTo = committed; // each of these committed before it was counted: the step sees its work
            }
            long next = System.currentTimeMillis() + pauseMillis;
            step(upTo);
            synchronized (turns) { // the pause: a reader that awaits meanwhile takes a step itself; a stop ends it
                for (long rest; !stopped && (rest = next - System.currentTimeMillis()) > 0; ) {
                    try {
                        turns.wait(rest);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    private void step(long upTo) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.warn(failed, e);
        } finally {
            synchronized (turns) {
                stepping = false;
                doneUpTo = Math.max(doneUpTo, upTo);
                turns.notifyAll();
            }
        }
    }
}
