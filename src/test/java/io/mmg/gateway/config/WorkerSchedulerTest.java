package io.mmg.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayApiTest;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.simpl.RAMJobStore;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The quartz: workers fire from a scheduler of this instance, in memory: their work is claimed in PostgreSQL, so a
 * clustered JDBC job store would only add its own statements and commits, several a second whatever the load.
 */
class WorkerSchedulerTest extends GatewayApiTest {

    @Autowired
    Scheduler scheduler;

    @Test
    void the_workers_fire_from_an_in_memory_scheduler_of_this_instance() throws SchedulerException {
        assertThat(scheduler.getMetaData().getJobStoreClass()).isEqualTo(RAMJobStore.class);
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isFalse();
        assertThat(scheduler.getMetaData().isJobStoreSupportsPersistence()).isFalse();
        Set<String> triggers = scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals("gateway")).stream()
                .map(TriggerKey::getName).collect(Collectors.toSet());
        assertThat(triggers).contains("payment-status-poller", "webhook-delivery-worker", "batch-payout-worker",
                "reconciliation-worker", "reconciliation-daily");
    }

    @Test
    void no_quartz_table_is_written() {
        Long quartzRows = jdbc.queryForObject("SELECT (SELECT count(*) FROM qrtz_triggers) + (SELECT count(*) FROM qrtz_fired_triggers)"
                + " + (SELECT count(*) FROM qrtz_scheduler_state)", Long.class);
        assertThat(quartzRows).isZero();
    }
}
