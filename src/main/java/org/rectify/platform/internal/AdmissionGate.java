package org.rectify.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code turns} requests computing at once; the others wait their turn in arrival order. On 2 cores, 8 busy
 * readers each with a PostgreSQL backend shared the cores 8 ways and the slowest twentieth waited 3-6 times the
 * median; taking turns, a request runs nearly alone and the tail is the queue (issue 14). Only reads take turns
 * ({@link #takesTurn}). A request that waits longer than {@code maxWait}, or finds {@code maxQueue} already waiting, is
 * refused with 503 and {@code Retry-After} ({@link Busy}): Tomcat keeps its 200 workers, and the cap on waiters keeps
 * half of them for transfers whatever the load.
 */
final class AdmissionGate extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AdmissionGate.class);

    private final Semaphore turns;
    private final int size;
    private final long maxWaitNanos;
    private final int maxQueue;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Busy busy;

    AdmissionGate(int turns, Duration maxWait, int maxQueue, Busy busy) {
        this.turns = new Semaphore(turns, true); // fair: first come, first served, or the tail grows again
        this.size = turns;
        this.maxWaitNanos = maxWait.toNanos();
        this.maxQueue = maxQueue;
        this.busy = busy;
    }

    /** How many requests may compute at once. */
    int turns() {
        return size;
    }

    /** How many requests are computing now. */
    int inUse() {
        return size - turns.availablePermits();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!takesTurn(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!admitted(request)) {
            busy.refuse(request, response);
            return;
        }
        try {
            chain.doFilter(request, new HeldResponse(response)); // written after the turn is given back
        } finally {
            turns.release();
        }
    }

    /**
     * Reads take turns: their time is CPU, the JVM's and their backend's. Writes do not: a command's time is mostly its
     * commit waiting for the disk (fsync), and with turns the reports submitted at once could no longer share a flush
     * (Q4 fell from 29 to 15 a second). Transfers do not either: their time is the client's.
     */
    static boolean takesTurn(HttpServletRequest request) {
        String method = request.getMethod();
        return ("GET".equals(method) || "HEAD".equals(method)) && !Transfers.isTransfer(request);
    }

    private boolean admitted(HttpServletRequest request) {
        try {
            if (turns.tryAcquire(0, TimeUnit.NANOSECONDS)) { // with a timeout, so a free turn still goes to the first waiter
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (waiting.incrementAndGet() > maxQueue) {
            waiting.decrementAndGet();
            log.warn("{} waiting for a turn: refused {} {}", maxQueue, request.getMethod(), request.getRequestURI());
            return false;
        }
        try {
            if (turns.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                return true;
            }
            log.warn("no turn within {} ms: refused {} {}", maxWaitNanos / 1_000_000, request.getMethod(),
                    request.getRequestURI());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }
}
