package vn.giaoban.briefing.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a briefing reads about a whole period (every unit's free texts, criteria, rule results), read once
 * for all the offices written together rather than once per office: the nation's 3,355 notices would
 * otherwise read the nation's figures 3,355 times.
 *
 * <p>"Together" is an explicit scope ({@link #sharedWhile}), else the current step execution of a job when there is one (each partition of the briefing
 * step has its own; nothing writes figures while a briefing step runs, and the next step, or night, starts
 * afresh), else the current transaction; outside both, every read goes to the database. The answers are
 * shared between the callers of that scope: they must not be changed (callers hand out copies).
 */
public final class PeriodReads {

    /** The step context's attribute, or the transaction's resource key, holding the reads. */
    private static final String READS = PeriodReads.class.getName();

    /** The reads of an explicit scope ({@link #sharedWhile}): a command that writes many offices outside a step. */
    private static final ThreadLocal<Map<String, Object>> SCOPE = new ThreadLocal<>();

    private PeriodReads() {
    }

    /**
     * Runs {@code work} with the period's reads shared between its offices, in this thread, outside any step or
     * transaction: {@code giaoban briefing} writes the nation's notices without reading the nation's figures for
     * each of them.
     */
    public static <T> T sharedWhile(Supplier<T> work) {
        if (SCOPE.get() != null) {
            return work.get();
        }
        SCOPE.set(new ConcurrentHashMap<>());
        try {
            return work.get();
        } finally {
            SCOPE.remove();
        }
    }

    /** {@code read}'s answer, read once in the current step execution or transaction under {@code key}. */
    @SuppressWarnings("unchecked")
    public static <T> T once(String key, Supplier<T> read) {
        Map<String, Object> reads = current();
        return reads == null ? read.get() : (T) reads.computeIfAbsent(key, any -> read.get());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> current() {
        Map<String, Object> scoped = SCOPE.get();
        if (scoped != null) {
            return scoped;
        }
        StepContext step = StepSynchronizationManager.getContext();
        if (step != null) {
            // the step context ends with its step execution, and its attributes with it
            synchronized (step) {
                Object reads = step.getAttribute(READS);
                if (reads == null) {
                    reads = new ConcurrentHashMap<String, Object>();
                    step.setAttribute(READS, reads);
                }
                return (Map<String, Object>) reads;
            }
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Object reads = TransactionSynchronizationManager.getResource(READS);
        if (reads == null) {
            Object bound = new ConcurrentHashMap<String, Object>();
            reads = bound;
            TransactionSynchronizationManager.bindResource(READS, bound);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(READS);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(READS, bound);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(READS);
                }
            });
        }
        return (Map<String, Object>) reads;
    }
}
