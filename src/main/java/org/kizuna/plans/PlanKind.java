package org.kizuna.plans;

/** What a plan is for. */
public enum PlanKind {
    CONTINGENCY,
    EXERCISE,
    REALIGNMENT_ROADMAP
}
