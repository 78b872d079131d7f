package org.isotox.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Work handed to the background thread runs in order, survives a failing piece, is never dropped. */
class BackgroundWorkTest {

    @Test
    void runsWorkInTheOrderHandedOverPastAFailingPiece() throws Exception {
        BackgroundWork background = new BackgroundWork();
        List<Integer> ran = new CopyOnWriteArrayList<>();
        background.run(() -> ran.add(1));
        background.run(() -> {
            throw new IllegalStateException("a failing piece");
        });
        background.run(() -> ran.add(3));

        assertThat(background.awaitIdle(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactly(1, 3);
        background.destroy();
    }

    @Test
    void whenTheQueueIsFullTheHandingThreadRunsTheWorkItself() throws Exception {
        BackgroundWork background = new BackgroundWork();
        CountDownLatch release = new CountDownLatch(1);
        background.run(() -> await(release));
        for (int i = 0; i < BackgroundWork.QUEUE_CAPACITY; i++) {
            background.run(() -> { });
        }
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        background.run(() -> ranOn.set(Thread.currentThread()));

        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
        release.countDown();
        background.destroy();
    }

    @Test
    void healthShowsTheWorkWaitingIncludingTheRunningPiece() throws Exception {
        BackgroundWork background = new BackgroundWork();
        BackgroundWorkHealthIndicator health = new BackgroundWorkHealthIndicator(background);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        background.run(() -> {
            started.countDown();
            await(release);
        });
        background.run(() -> { });
        background.run(() -> { });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(health.health().getDetails()).containsEntry("waiting", 3).containsEntry("capacity", 10_000);
        release.countDown();
        assertThat(background.awaitIdle(10, TimeUnit.SECONDS)).isTrue();
        assertThat(health.health().getDetails()).containsEntry("waiting", 0);
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
        background.destroy();
    }

    @Test
    void shutdownFinishesTheWaitingWork() throws Exception {
        BackgroundWork background = new BackgroundWork();
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        background.run(() -> await(release));
        for (int i = 0; i < 100; i++) {
            int piece = i;
            background.run(() -> ran.add(piece));
        }
        release.countDown();

        background.destroy();

        assertThat(ran).hasSize(100);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
