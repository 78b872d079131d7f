package org.isotox.server;

import ca.uhn.fhir.batch2.api.IJobMaintenanceService;
import ca.uhn.fhir.batch2.maintenance.JobMaintenanceServiceImpl;
import java.time.Duration;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often HAPI's batch job maintenance runs. HAPI only queues the first step of a new batch job
 * (a bulk export, a reindex) on its next maintenance pass, once a minute by default; a trial-sized
 * export would then take a minute for a few kilobytes. The pass is a small query, so it runs more
 * often here. Set before HAPI schedules its jobs (on context refresh).
 */
@Component
class BatchJobSchedule implements SmartInitializingSingleton {

    private final IJobMaintenanceService maintenance;
    private final Duration interval;

    BatchJobSchedule(
            IJobMaintenanceService maintenance,
            @Value("${isotox.fhir.batch-maintenance-interval:5s}") Duration interval) {
        this.maintenance = maintenance;
        this.interval = interval;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (maintenance instanceof JobMaintenanceServiceImpl impl) {
            impl.setScheduledJobFrequencyMillis(interval.toMillis());
        }
    }
}
