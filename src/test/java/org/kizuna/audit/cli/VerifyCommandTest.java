package org.kizuna.audit.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.kizuna.KizunaDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyCommandTest {

    @Test
    void opensTheSameDatabaseTheNodeUsesReadOnly() {
        Path dir = Path.of("/var/kizuna/USA");
        assertThat(VerifyCommand.readOnlyH2Url(dir)).isEqualTo(KizunaDatabase.h2Url(dir) + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r");
    }
}
