package org.isotox.fhir;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One background thread for work no answer waits for, run in the order handed over. Nothing is
 * dropped: when {@link #QUEUE_CAPACITY} pieces wait, the thread handing over one more runs it
 * itself; at shutdown the waiting work is finished before the database goes.
 */
@Component
class BackgroundWork implements DisposableBean {

    static final int QUEUE_CAPACITY = 10_000;
    private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);

    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(
            1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY),
            runnable -> {
                Thread thread = new Thread(runnable, "isotox-background-work");
                thread.setDaemon(true);
                return thread;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());

    void run(Runnable work) {
        executor.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException failure) {
                log.error("Background work failed", failure);
            }
        });
    }

    /** The pieces handed over and not yet finished, the running one included. */
    int waiting() {
        return executor.getQueue().size() + executor.getActiveCount();
    }

    /** Waits until everything handed over so far has run (for tests; the shutdown drains through {@link #destroy}). */
    boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (waiting() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
            log.error("Background work still running at shutdown: {} pieces waiting are lost", executor.shutdownNow().size());
        }
    }
}
