package org.kizuna.plans;

import java.util.List;
import java.util.Optional;
import org.kizuna.identity.KizunaUser;
import org.kizuna.label.Reader;

/**
 * Bilateral plans, for one reader or user. A plan exists for a reader when the reader may read at least one of its
 * parts (its title or a section of any version); every answer holds only the parts the reader may read, and a plan
 * the reader may read nothing of is empty, exactly like one that does not exist. Writes are authorized by
 * {@link org.kizuna.identity.Writes} after the plan is found among what the user may read.
 */
public interface Plans {

    Plan create(NewPlan plan, KizunaUser author);

    List<PlanSummary> plans(Reader reader);

    Optional<Plan> find(String id, Reader reader);

    /** One version of the plan, as {@link #find} shows it; empty when the plan or the version is not found. */
    Optional<Plan.Version> version(String id, int number, Reader reader);

    /** Changes the plan: amends the newest version while it is a draft no nation approved, else starts a new draft. */
    Optional<Plan> change(String id, PlanChange change, KizunaUser user);

    /**
     * The user's approval of a version for the user's nation, bound to the version's hash. On a replica of a partner's
     * plan it is not applied here: it is sent to the plan's node, which applies it or refuses it (docs/plans.md).
     */
    Optional<Plan> approve(String id, int number, String hash, KizunaUser user);

    /** A comment on the plan, under its own label; on a replica it is sent to the plan's node, which adds it. */
    Optional<Plan> comment(String id, NewComment comment, KizunaUser user);

    Optional<PlanDiff> diff(String id, int from, int to, Reader reader);

    Optional<List<HistoryEntry>> history(String id, Reader reader);
}
