package org.kizuna.tak.internal;

import org.kizuna.testing.PostgresNode;
import org.springframework.test.context.TestPropertySource;

@PostgresNode
@TestPropertySource(properties = {"kizuna.https-port=0", "kizuna.cot.tls-port=0", "kizuna.cot.tcp-port=-1", "kizuna.tak.host=localhost"})
class TakMissionsOnPostgresTests extends TakMissionsContract {
}
