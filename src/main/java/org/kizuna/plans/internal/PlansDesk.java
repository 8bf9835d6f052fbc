package org.kizuna.plans.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.kizuna.console.DeskSection;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Write;
import org.kizuna.identity.Writes;
import org.kizuna.plans.PlanSummary;
import org.springframework.stereotype.Component;

/**
 * The plans part of the desk: the plans whose newest version waits for the user's approval as the designated approver
 * of the user's nation, as the user may read them (the title where the user may read it, else the plan's id), most
 * recently changed first. A user whose roles may not approve plans has no plans section.
 */
@Component
class PlansDesk extends DeskSection.OfModule {

    private final PlanService plans;
    private final Writes writes;

    PlansDesk(PlanService plans, Writes writes) {
        super("plans", 20);
        this.plans = plans;
        this.writes = writes;
    }

    @Override
    public Optional<Content> section(KizunaUser user, Locale language) {
        if (!writes.may(user, Write.APPROVE_PLAN, user.nation())) return Optional.empty();
        List<PlanSummary> waiting = plans.awaitingApproval(user);
        List<Item> items = waiting.stream().sorted((a, b) -> b.updatedAt().compareTo(a.updatedAt()))
                .map(p -> Item.at("plans.desk.approve", List.of(p.latestVersion(), Objects.requireNonNullElse(p.title(), p.id()), user.nation()),
                        page("plan", p.id()), p.updatedAt(), List.of(p.label().banner())))
                .toList();
        return Optional.of(content(items));
    }
}
