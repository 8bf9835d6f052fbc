package org.kizuna.intel;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kizuna.identity.KizunaUser;
import org.kizuna.label.Reader;

/**
 * Intelligence reports for one reader. A report exists for a reader exactly when the reader may read at least one of
 * its portions (its title included); the reader's view holds only those portions, under the roll-up of their labels.
 * Every read is one query of the label module's read path; every write is authorized by
 * {@link org.kizuna.identity.Writes} after its target is found among what the user may read.
 */
public interface Intel {

    /** Writes a report (its author's nation is its originating nation); answers the author's view of it. */
    ReportView create(NewReport report, KizunaUser author);

    /** A page of the reports the reader may read, newest first; the total counts only those. */
    ReportPage reports(Reader reader, int page, int size);

    /** The reader's view of a report; empty alike when it does not exist and when the reader may read none of it. */
    Optional<ReportView> report(String id, Reader reader);

    /** An attachment's bytes, if the reader may read the portion that carries it. */
    Optional<AttachmentContent> attachment(String reportId, String portionId, Reader reader);

    /**
     * Widens a portion's releasability (a release): completed at once, or left pending for a second releaser when the
     * portion's class needs two; empty when the report or the portion is not found for the user.
     */
    Optional<ReleaseOutcome> release(String reportId, ReleaseRequest request, KizunaUser releaser);

    /** Adds a tear line (a sanitized portion written for partners): a release with the same rules. */
    Optional<ReleaseOutcome> tearLine(String reportId, TearLineRequest request, KizunaUser releaser);

    /** Releases waiting for a second releaser that the user could complete (its nation's reports, portions it may read). */
    List<PendingRelease> pendingReleases(KizunaUser user);

    /**
     * The reader's view of a report as a package bound to its label ({@code toNation} null), or only what the guard
     * releases to {@code toNation}; empty when the report is not found for the reader.
     */
    Optional<ReportPackage> exportPackage(String id, @Nullable String toNation, KizunaUser reader);

    /** Verifies a package's binding and takes its report in, as an imported report under originator control. */
    ReportView importPackage(ReportPackage pkg, KizunaUser importer);

    /** The node's binding key (its public half), with which partners verify the node's packages. */
    BindingKey bindingKey();
}
