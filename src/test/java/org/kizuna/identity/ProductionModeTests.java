package org.kizuna.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kizuna.KizunaApplication;
import org.kizuna.node.NodeDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Production mode never creates users with known passwords and refuses to start with one. */
class ProductionModeTests {

    private static ConfigurableApplicationContext start(Path dir, String mode) {
        SpringApplication app = new SpringApplication(KizunaApplication.class);
        return app.run("--spring.datasource.url=" + NodeDatabase.h2Url(dir), "--spring.datasource.username=sa", "--kizuna.data-dir=" + dir,
                "--kizuna.mode=" + mode, "--server.port=0");
    }

    @Test
    void aFreshProductionNodeHasNoUsers() throws Exception {
        Path dir = Files.createTempDirectory("kizuna-prod");
        try (ConfigurableApplicationContext node = start(dir, "production")) {
            long users = node.getBean(JdbcClient.class).sql("select count(*) from kizuna_user").query(Long.class).single();
            assertThat(users).isZero();
        }
    }

    @Test
    void aProductionNodeRefusesToStartWhileAUserHasAKnownPassword() throws Exception {
        Path dir = Files.createTempDirectory("kizuna-prod");
        start(dir, "demo").close();
        assertThatThrownBy(() -> start(dir, "production"))
                .hasMessageContaining("production mode refuses to start")
                .hasMessageContaining("well-known password");
    }
}
