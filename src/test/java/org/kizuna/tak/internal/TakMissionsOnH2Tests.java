package org.kizuna.tak.internal;

import org.kizuna.testing.H2Node;
import org.springframework.test.context.TestPropertySource;

@H2Node
@TestPropertySource(properties = {"kizuna.https-port=0", "kizuna.cot.tls-port=0", "kizuna.cot.tcp-port=-1", "kizuna.tak.host=localhost"})
class TakMissionsOnH2Tests extends TakMissionsContract {
}
