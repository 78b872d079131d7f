package org.isotox.fhir;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/keptWork}: how much {@link KeptWork} of committed writes is not done yet, and how much of it
 * was kept over a minute ago (its first attempts failed: the sweep retries it). A number over a minute old that stays
 * means a piece of work that keeps failing (its error is in the log at each sweep); the writes themselves are safe.
 */
@Component
class KeptWorkHealthIndicator implements HealthIndicator {

    private final KeptWork work;

    KeptWorkHealthIndicator(KeptWork work) {
        this.work = work;
    }

    @Override
    public Health health() {
        Instant now = Instant.now();
        return Health.up()
                .withDetail("kept", work.countKeptBefore(now.plusSeconds(1)))
                .withDetail("keptOverAMinuteAgo", work.countKeptBefore(now.minus(Duration.ofMinutes(1))))
                .build();
    }
}
