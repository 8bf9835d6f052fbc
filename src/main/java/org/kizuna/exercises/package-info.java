/**
 * Joint exercises: series (recurring programmes with their cadence) and their exercises, carried through the stages
 * of the joint exercise life cycle (or NATO's exercise process) with the products each stage needs before it closes;
 * planning conference times inside every participant's working hours (or a plain statement that there are none);
 * facility requests through the booking module; the master scenario events list built by the planners of every
 * participating nation and played during execution; observations that become issues and issues that become lessons,
 * searchable for the next exercise of the series. Every record carries a label and reaches a reader only through the
 * label module's read path.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"label", "identity", "registry", "booking", "search", "console", "node", "federation"})
package org.kizuna.exercises;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
