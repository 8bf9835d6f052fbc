package org.kizuna.registry;

import java.util.List;

/** An organization with its chain of command up to the top and its coordination partners, as of one day. */
public record OrganizationView(Organization organization, List<Organization> chainOfCommand,
        List<Organization> subordinates, List<Organization> coordinationPartners) {
}
