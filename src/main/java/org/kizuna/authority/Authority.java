package org.kizuna.authority;

import java.util.List;
import java.util.Optional;

import org.kizuna.identity.KizunaUser;
import org.kizuna.label.Reader;

/**
 * Situation levels in force and support requests, for one reader. The legal facts are reference data of the build.
 * Levels and requests are labelled and reach a reader only through the label module's read path. Writes are
 * authorized by {@link org.kizuna.identity.Writes}: {@code SET_SITUATION_LEVEL} (JPN, and a user designated in
 * {@code kizuna.authority.level-setters}), {@code REQUEST_SUPPORT} (the requesting nation), {@code DECIDE_SUPPORT}
 * (the supporting nation).
 */
public interface Authority {

    /** The situations, support kinds, regions and the support rules, with their sources. */
    LegalFacts facts();

    /** The level in force in every region (peacetime where none was ever set). */
    List<LevelInForce> levelsInForce(Reader reader);

    /** The levels set for a region, oldest first. */
    List<LevelSetting> history(String region, Reader reader);

    /** Whether the user is designated to set levels (and holds a role and nation that may). */
    boolean maySetLevels(KizunaUser user);

    LevelSetting setLevel(NewLevel level, KizunaUser user);

    /** Files a request and checks it against the level in force in its region now: allowed, refused with the legal reason, or pending. */
    SupportRequest request(NewSupportRequest request, KizunaUser user);

    List<SupportRequest> supportRequests(Reader reader);

    /** One request, empty alike when it does not exist and when the reader may not read it. */
    Optional<SupportRequest> supportRequest(String id, Reader reader);

    /** The supporting nation decides a request sent for a decision; empty when the user may not read it (or it does not exist). */
    Optional<SupportRequest> decide(String id, SupportDecision decision, KizunaUser user);
}
