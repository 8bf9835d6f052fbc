/**
 * Confidentiality labels: national classification policies and bilateral equivalence tables, the US
 * marking syntax (banners and portion marks) and ADatP-4774 XML, the read decision every read path
 * applies, the banner roll-up of compound items and the outbound guard on each link to a partner
 * nation. The decision is plain Java over ordinals and bit sets so that the picture's fan-out can call
 * it for every track and every subscriber.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"node"})
package org.kizuna.label;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
