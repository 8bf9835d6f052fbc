package org.kizuna.picture;

/**
 * Notices to a user's TAK clients on their CoT streams, beside the picture: a mission change ({@code t-x-m-c}) for
 * the clients of a mission's subscriber, say. The caller has decided that the user may read what the notice says;
 * the stream sends it as it is. A client that leaves many notices unread loses the oldest, never its connection.
 */
public interface CotNotices {

    /** Queues {@code notice} on every live CoT connection of this user (by client certificate); answers how many. */
    int notify(String username, CotEvent notice);
}
