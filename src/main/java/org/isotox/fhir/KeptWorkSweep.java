package org.isotox.fhir;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Does the {@link KeptWork} that committed writes left undone: all of it at start-up, before the server reports itself
 * ready (a crash between a commit and its work), and every few minutes what was kept over a minute ago (work that
 * failed twice; the minute leaves the writing request to do its own).
 */
@Component
class KeptWorkSweep implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(KeptWorkSweep.class);
    private static final Duration THE_WRITERS_TURN = Duration.ofMinutes(1);

    private final KeptWork work;

    KeptWorkSweep(KeptWork work) {
        this.work = work;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        report(work.doKeptBefore(Instant.now()));
    }

    @Scheduled(fixedDelayString = "${isotox.kept-work.sweep-interval:PT5M}", initialDelayString = "${isotox.kept-work.sweep-interval:PT5M}")
    void sweep() {
        report(work.doKeptBefore(Instant.now().minus(THE_WRITERS_TURN)));
    }

    private static void report(int done) {
        if (done > 0) {
            LOG.info("Did {} pieces of work that committed writes had left kept", done);
        }
    }
}
