package org.isotox.fhir;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/backgroundWork}: how many pieces of work (the read audit of answered
 * requests) wait behind the answers. A number that keeps growing means the server answers faster
 * than it can record what it answered.
 */
@Component
class BackgroundWorkHealthIndicator implements HealthIndicator {

    private final BackgroundWork background;

    BackgroundWorkHealthIndicator(BackgroundWork background) {
        this.background = background;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail("waiting", background.waiting())
                .withDetail("capacity", BackgroundWork.QUEUE_CAPACITY)
                .build();
    }
}
