package org.kizuna.identity;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every write a user can make on the node, with the roles that may make it and whose nation it must be:
 * the matrix of docs/architecture.md "Who may write what". {@link Writes} decides with it, and nothing
 * else does. A write not listed here must not exist.
 */
@SuppressWarnings("ImmutableEnumChecker") // roles is Set.of, unmodifiable
public enum Write {
    FILE_BOOKING_REQUEST("filing a booking request", "the unit's nation", Set.of(Role.PLANNER), false),
    CANCEL_BOOKING_REQUEST("cancelling a booking request", "the requesting unit's nation", Set.of(Role.PLANNER), false),
    PROPOSE_BOOKING_START("moving a booking request", "the requesting unit's nation", Set.of(Role.PLANNER), false),
    CONFIRM_BOOKING("confirming or releasing a booking", "the facility's host nation", Set.of(Role.PLANNER), false),
    REGISTER_SENSOR("registering a sensor", "the sensor's nation", Set.of(Role.PLANNER, Role.ADMINISTRATOR), true),
    POST_PICTURE_EVENT("posting an event to the picture", "the reporting user's own nation", Set.of(Role.PLANNER), false),
    ADMINISTER_USER("disabling or enabling a user", "the node's nation", Set.of(Role.ADMINISTRATOR), false),
    WRITE_REPORT("writing an intelligence report", "the author's own nation", Set.of(Role.PLANNER, Role.RELEASER), false),
    RELEASE_PORTION("releasing a portion of a report or adding a tear line", "the report's originating nation", Set.of(Role.RELEASER), false),
    DRAFT_PLAN("drafting or changing a plan", "a participating nation", Set.of(Role.PLANNER), false),
    APPROVE_PLAN("approving a plan's version", "a participating nation", Set.of(Role.PLANNER, Role.RELEASER), false),
    UPDATE_COMMITMENT("recording a commitment's status, evidence or deadline", "the commitment's owner nation", Set.of(Role.PLANNER), false),
    PLAN_EXERCISE("planning an exercise (its stages, products, injects, observations and lessons)", "a participating nation", Set.of(Role.PLANNER), false),
    RECORD_MISSION("recording a nation's role in a mission area", "the force's nation", Set.of(Role.PLANNER), false),
    SET_SITUATION_LEVEL("setting the situation level in force for a region", "the nation whose legislation defines the levels",
            Set.of(Role.PLANNER, Role.ADMINISTRATOR), false),
    REQUEST_SUPPORT("requesting support from a partner", "the requesting nation", Set.of(Role.PLANNER), false),
    DECIDE_SUPPORT("deciding a support request sent for a decision", "the supporting nation", Set.of(Role.PLANNER, Role.RELEASER), false),
    RECORD_COMPLAINT("recording a neighbour's complaint or what was done about it", "the facility's host nation", Set.of(Role.PLANNER), false),
    SET_NOISE_BUDGET("setting a facility's monthly noise budget", "the facility's host nation", Set.of(Role.PLANNER), false),
    ADMINISTER_PEERS("adding, approving or revoking a federation peer", "the node's nation", Set.of(Role.ADMINISTRATOR), false),
    UPLOAD_DATA_PACKAGE("uploading a data package for TAK clients", "the uploader's own nation", Set.of(Role.PLANNER), false),
    CHANGE_TAK_MISSION("creating a TAK mission or changing its contents", "the mission creator's own nation", Set.of(Role.PLANNER), false),
    COMMENT_ON_RECORD("commenting on a shared report, plan, exercise or booking", "the commenter's own nation",
            Set.of(Role.PLANNER, Role.RELEASER), false),
    SET_OWN_PREFERENCES("setting one's own language and time zone", "the user's own nation",
            Set.of(Role.VIEWER, Role.PLANNER, Role.RELEASER, Role.ADMINISTRATOR, Role.AUDITOR), false);

    /** What the write does ("cancelling a booking request"). */
    private final String what;
    /** Whose nation the target nation of {@link Writes#may} is ("the facility's host nation"). */
    private final String whose;
    private final Set<Role> roles;
    private final boolean clearanceFloor;

    Write(String what, String whose, Set<Role> roles, boolean clearanceFloor) {
        this.what = what;
        this.whose = whose;
        this.roles = roles;
        this.clearanceFloor = clearanceFloor;
    }

    /**
     * What the write needs, in words, for a target of {@code nation}: "cancelling a booking request needs the
     * planner role of the requesting unit's nation (JPN)", and where it applies a clearance of at least {@code floor}.
     */
    public String needs(String nation, String floor) {
        String anyRole = roles.stream().map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).sorted().collect(Collectors.joining(" or "));
        return what + " needs the " + anyRole + " role of " + whose + " (" + nation + ")"
                + (clearanceFloor ? " and a clearance of at least " + floor : "");
    }

    /** Any one of these roles is enough (with the nation and, where it applies, the clearance). */
    public Set<Role> roles() {
        return roles;
    }

    /** Whether the write also needs a clearance at or above the node's sensor registry clearance. */
    public boolean clearanceFloor() {
        return clearanceFloor;
    }
}
