package org.kizuna.picture.internal.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.kizuna.identity.CurrentUser;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Role;
import org.kizuna.identity.UserDirectory;
import org.kizuna.identity.Writes;
import org.kizuna.label.LabelKernel;
import org.kizuna.picture.internal.PictureSettings;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.history.TrackJournal;
import org.kizuna.picture.internal.sensors.JdbcSensors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The picture's HTTP layer alone: {@link PictureController}, {@link SensorController} and {@link StreamController}
 * in a MockMvc slice (no server, no node), one Spring context shared by every test class that carries this
 * annotation. What stands behind the controllers is real: the node's label kernel, a {@link LivePicture}, the
 * sensor registry and the track journal on an in-memory H2 database with the picture's migrations, and the
 * identity module's write matrix ({@link Writes}) and its {@code SignedInArguments} (a controller's {@code KizunaUser}
 * and {@code Reader} parameters), both found by a scan of {@code identity.internal} since they are the identity
 * module's own.
 * <p>
 * Sign-in is not part of the slice: the identity module's security chain and its {@code DisabledUserFilter}
 * live in {@code identity.internal} and need the users' table, so the slice runs without security filters
 * and each test says who is signed in with {@link SignedIn#as}. Who may not call at all (401) is stated by
 * {@link PictureModuleTests}, over the real chain.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(controllers = {PictureController.class, SensorController.class,
        StreamController.class}, excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.kizuna\\.identity\\.internal\\..*"), properties = "kizuna.picture.max-streams=2")
@AutoConfigureMockMvc(addFilters = false)
@Import(PictureWebSlice.Beans.class)
@interface PictureWebSlice {

    /** A planner of the node's own nation cleared SECRET: may post events and register USA sensors. */
    KizunaUser USA_PLANNER = new KizunaUser("usa.officer", "USA", "SECRET", Set.of(), Set.of(Role.VIEWER, Role.PLANNER), ZoneOffset.UTC);
    /** A viewer of the node's own nation cleared CONFIDENTIAL: reads, writes nothing. */
    KizunaUser USA_VIEWER = new KizunaUser("usa.clerk", "USA", "CONFIDENTIAL", Set.of(), Set.of(Role.VIEWER), ZoneOffset.UTC);
    /** A partner's planner cleared SECRET: reads what is released to JPN, writes for JPN only. */
    KizunaUser JPN_PLANNER = new KizunaUser("jpn.officer", "JPN", "SECRET", Set.of(), Set.of(Role.VIEWER, Role.PLANNER), ZoneOffset.UTC);
    /** A second partner's viewer cleared SECRET. */
    KizunaUser AUS_VIEWER = new KizunaUser("aus.officer", "AUS", "SECRET", Set.of(), Set.of(Role.VIEWER), ZoneOffset.UTC);

    /** Who the requests of a test run as: the identity module's {@link CurrentUser}, set by the test. */
    final class SignedIn implements CurrentUser {

        private volatile @Nullable KizunaUser user;

        /** The user the next requests run as. */
        public void as(KizunaUser user) {
            this.user = user;
        }

        @Override
        public Optional<KizunaUser> get() {
            return Optional.ofNullable(user);
        }
    }

    /** The users above, as the identity module's directory; a test may disable one. */
    final class Directory implements UserDirectory {

        private final Set<String> disabled = ConcurrentHashMap.newKeySet();

        public void disable(String username) {
            disabled.add(username);
        }

        public void enable(String username) {
            disabled.remove(username);
        }

        @Override
        public Optional<KizunaUser> find(String username) {
            return all().stream().filter(u -> u.username().equals(username)).findFirst();
        }

        @Override
        public List<KizunaUser> all() {
            return List.of(USA_PLANNER, USA_VIEWER, JPN_PLANNER, AUS_VIEWER);
        }

        @Override
        public boolean isDisabled(String username) {
            return disabled.contains(username);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PictureSettings.class)
    @ComponentScan(basePackages = "org.kizuna.identity.internal", useDefaultFilters = false, includeFilters = {
            @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = Writes.class),
            @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.kizuna\\.identity\\.internal\\.SignedInArguments")})
    class Beans {

        @Bean
        SignedIn signedIn() {
            return new SignedIn();
        }

        /** The node's message catalogues, as the node module gives them: problems and validation messages in the reader's language. */
        @Bean
        org.kizuna.node.Messages messageSource() {
            return org.kizuna.node.Messages.load();
        }

        @Bean
        Directory users() {
            return new Directory();
        }

        /** The label kernel of a USA node accredited to TOP SECRET, as a demo node has it. */
        @Bean
        LabelKernel labelKernel() {
            return LabelKernel.standard().forNode("USA", "TOP SECRET");
        }

        /** An in-memory H2 database (PostgreSQL mode) with the picture's own tables. */
        @Bean
        DataSource pictureDatabase() {
            DataSource db = new DriverManagerDataSource("jdbc:h2:mem:picture-web-" + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            new ResourceDatabasePopulator(new ClassPathResource("db/migration/V40__picture_sensors.sql"),
                    new ClassPathResource("db/migration/V41__picture_track_history.sql"),
                    new ClassPathResource("db/migration/V42__picture_track_history_per_audience.sql"),
                    new ClassPathResource("db/migration/V43__picture_sensor_surveyed.sql")).execute(db);
            return db;
        }

        /** The registry with the demo scenario's sensors. */
        @Bean
        JdbcSensors sensors(DataSource pictureDatabase) {
            JdbcSensors sensors = new JdbcSensors(JdbcClient.create(pictureDatabase));
            JdbcSensors.demo().forEach(s -> sensors.register(s, "demo"));
            return sensors;
        }

        /** The node's clock, as the node module gives it. */
        @Bean
        java.time.Clock nodeClock() {
            return java.time.Clock.systemUTC();
        }

        @Bean(destroyMethod = "close")
        LivePicture picture(LabelKernel labelKernel, JdbcSensors sensors, java.time.Clock nodeClock) {
            return new LivePicture(labelKernel, sensors, "USA", nodeClock);
        }

        @Bean(destroyMethod = "close")
        TrackJournal trackJournal(LivePicture picture, DataSource pictureDatabase, LabelKernel labelKernel) {
            TrackJournal journal = new TrackJournal(new JdbcTemplate(pictureDatabase), labelKernel, Duration.ofDays(3));
            picture.record(journal);
            return journal;
        }
    }
}
