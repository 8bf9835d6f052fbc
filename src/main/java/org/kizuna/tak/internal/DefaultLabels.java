package org.kizuna.tak.internal;

import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.UserDirectory;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.node.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The label of what a user puts on the node through the TAK API, as for the user's unlabelled CoT reports: the label
 * an administrator set for the user ({@code PUT /api/v1/users/{name}/default-label}), else the user's own nation only.
 */
@Component
class DefaultLabels {

    private final UserDirectory users;
    private final LabelKernel kernel;

    DefaultLabels(UserDirectory users, LabelKernel kernel) {
        this.users = users;
        this.kernel = kernel;
    }

    Label of(KizunaUser user) {
        return users.defaultLabel(user.username()).map(Label::parse)
                .orElseGet(() -> Label.parse("USA".equals(user.nation()) ? user.clearance() + "//NOFORN" : "//" + user.nation() + " " + user.clearance()));
    }

    /** The user's default label, refused with a 400 naming {@code what} when the node may not hold it (nobody could read it here). */
    Label held(KizunaUser user, String what) {
        Label label = of(user);
        if (!kernel.mayHold(label)) throw Problems.of(HttpStatus.BAD_REQUEST, "label: this node may not hold " + label.banner() + what);
        return label;
    }
}
