package org.kizuna.intel.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kizuna.console.DeskSection;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Write;
import org.kizuna.identity.Writes;
import org.kizuna.intel.PendingRelease;
import org.springframework.stereotype.Component;

/**
 * The intel part of the desk: for a releaser, the releases of the user's nation's reports that another releaser asked
 * for and that wait for the user as the second (read through the read path; the report's title where the user may
 * read it, else its id), oldest first.
 */
@Component
class IntelDesk extends DeskSection.OfModule {

    private final IntelService intel;
    private final Writes writes;

    IntelDesk(IntelService intel, Writes writes) {
        super("intel", 10);
        this.intel = intel;
        this.writes = writes;
    }

    @Override
    public Optional<Content> section(KizunaUser user, Locale language) {
        if (!writes.may(user, Write.RELEASE_PORTION, user.nation())) return Optional.empty();
        List<Item> items = new ArrayList<>();
        for (IntelService.WaitingRelease w : intel.waitingFor(user)) {
            PendingRelease r = w.release();
            List<String> labels = new ArrayList<>(List.of(r.label().banner()));
            String report = r.reportId();
            JdbcReports.StoredPortion title = w.title();
            if (title != null) {
                labels.add(title.label().banner());
                report = title.text();
            }
            String key = r.kind().equals(Kinds.TEAR_LINE) ? "intel.desk.tear-line" : "intel.desk.release";
            items.add(Item.at(key, List.of(r.marking(), report, String.join(", ", r.to()), r.firstReleaser()), page() + "#" + r.reportId(),
                    r.requestedAt(), labels));
        }
        return Optional.of(content(items));
    }
}
