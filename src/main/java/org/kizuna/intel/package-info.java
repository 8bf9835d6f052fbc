/**
 * Intelligence reports of portions, each portion under its own mark, the banner their roll-up for each reader; the
 * foreign-disclosure workflow (widening a portion's releasability and tear lines, checked by the label module's guard,
 * two releasers from a configurable class); correlation of reports about the same ship, unit or place and time; and
 * ADatP-4778-style packages that bind a report's ADatP-4774 label to its content by digest and the node's signature.
 * See docs/intel.md.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"label", "identity", "registry", "console", "node", "search", "federation"})
package org.kizuna.intel;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
