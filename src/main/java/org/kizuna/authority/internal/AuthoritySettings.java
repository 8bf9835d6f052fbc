package org.kizuna.authority.internal;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The authority module's settings (prefix {@code kizuna.authority}).
 *
 * @param levelSetters the users designated to set the situation level in force (user names, at most 100); they also need the
 *                     planner or administrator role and the nation whose legislation defines the levels (JPN). Default: the
 *                     demo user {@code jpn.officer}
 */
@Validated
@ConfigurationProperties("kizuna.authority")
record AuthoritySettings(
        @DefaultValue("jpn.officer") @Size(max = 100, message = "name at most 100 users") List<@Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}", message = "must be a user name") String> levelSetters) {
}
