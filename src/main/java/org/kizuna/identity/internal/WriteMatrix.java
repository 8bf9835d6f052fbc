package org.kizuna.identity.internal;

import jakarta.validation.constraints.NotBlank;

import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Write;
import org.kizuna.identity.Writes;
import org.kizuna.label.Policy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * Decides every write by the matrix of {@link Write}: one of the write's roles, the user's own nation
 * (never a partner's), and for sensor registration a clearance at or above {@code kizuna.writes.sensor-clearance}
 * in the user's own policy (default SECRET).
 */
@Component
@EnableConfigurationProperties(WriteMatrix.Settings.class)
class WriteMatrix implements Writes {

    private final String floor;

    /**
     * The write matrix's settings (prefix {@code kizuna.writes}).
     *
     * @param sensorClearance the clearance (a level's English name, such as SECRET) that registering a sensor needs in
     *                        the user's own policy; it must be a level of at least one classification policy
     */
    @Validated
    @ConfigurationProperties("kizuna.writes")
    record Settings(@DefaultValue("SECRET") @NotBlank String sensorClearance) {
    }

    WriteMatrix(Settings settings) {
        String floor = settings.sensorClearance();
        if (Policy.all().stream().noneMatch(p -> p.levels().stream().anyMatch(l -> l.englishName().equals(floor)))) {
            throw new IllegalStateException("kizuna.writes.sensor-clearance '" + floor + "' is not a level of any classification policy");
        }
        this.floor = floor;
    }

    @Override
    public boolean may(KizunaUser user, Write write, String nation) {
        if (write.roles().stream().noneMatch(user::has)) return false;
        if (!user.nation().equals(nation)) return false;
        if (write.clearanceFloor()) {
            // a nation whose policy has no level of that name has no user cleared for it
            Policy own = Policy.ofNation(user.nation()).orElse(null);
            if (own == null || own.levels().stream().noneMatch(l -> l.englishName().equals(floor))) return false;
            if (own.level(user.clearance()).rank() < own.level(floor).rank()) return false;
        }
        return true;
    }

    @Override
    public String clearanceFloor() {
        return floor;
    }
}
