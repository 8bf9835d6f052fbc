package org.kizuna.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.kizuna.label.ReadPath;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What the read path offers its listeners, for a module test to import: on a node the audit log is one
 * listener; in a module test this list is.
 */
@TestConfiguration(proxyBeanMethods = false)
public class OfferedQueries {

    public final List<ReadPath.ReadQuery> offered = new CopyOnWriteArrayList<>();

    @Bean
    ReadPath.ReadDecisionListener recordingListener() {
        return offered::add;
    }
}
