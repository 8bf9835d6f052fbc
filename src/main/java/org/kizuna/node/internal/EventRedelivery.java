package org.kizuna.node.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.kizuna.node.BackgroundThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * Hands event publications again, the same way on every replica of the node that shares its database. Spring Modulith's
 * republication on restart would hand every incomplete publication of the shared table again, also those another live
 * replica is processing right now; so it is off, and the node uses what the library offers instead: its staleness
 * monitor ({@code spring.modulith.events.staleness.*} in {@code application.yaml}, run by the scheduling enabled here)
 * marks a publication that stayed published, processing or resubmitted for too long (its replica died, or it hangs)
 * as failed, and every {@link Settings#checkInterval()} this part resubmits failed publications
 * ({@link IncompleteEventPublications#resubmitIncompletePublications(ResubmissionOptions)}), each one claimed first by
 * one conditional update of its row ({@code status = 'RESUBMITTED' ... where status != 'RESUBMITTED'}), so that of
 * several replicas only one hands it to its listener. A publication is thus handed to one replica at a time, and again
 * (at least once) when its listener failed or its replica died.
 */
@Component
@EnableScheduling
@EnableConfigurationProperties(EventRedelivery.Settings.class)
class EventRedelivery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

    /**
     * When publications are handed again (prefix {@code kizuna.events}).
     *
     * @param checkInterval how often failed publications are resubmitted
     */
    @Validated
    @ConfigurationProperties("kizuna.events")
    record Settings(@DefaultValue("30s") Duration checkInterval) {
        Settings {
            if (checkInterval.isNegative() || checkInterval.isZero()) {
                throw new IllegalArgumentException("kizuna.events.check-interval must be positive");
            }
        }
    }

    private final IncompleteEventPublications incomplete;
    private final Settings settings;
    private @Nullable Thread thread;
    private volatile boolean running;

    EventRedelivery(IncompleteEventPublications incomplete, Settings settings) {
        this.incomplete = incomplete;
        this.settings = settings;
    }

    /** One round: failed publications resubmitted, each claimed by one replica only. */
    void redeliver() {
        incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults());
    }

    private void run() {
        while (running) {
            try {
                redeliver();
            } catch (RuntimeException e) {
                log.warn("events: handing failed publications again failed, trying again in {}: {}", settings.checkInterval(), e.toString());
            }
            try {
                Thread.sleep(settings.checkInterval());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        // a new thread at every start: a context may be stopped and started again (the test framework's cache does)
        running = true;
        Thread t = Thread.ofPlatform().name("event-redelivery").daemon(true).unstarted(this::run);
        thread = t;
        t.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread t = thread;
        thread = null;
        if (t != null) BackgroundThreads.stop(t, Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
