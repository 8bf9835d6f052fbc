package org.kizuna.booking;

/** Where a request stands; the requester is told of every change. */
public enum RequestState {
    PENDING,
    BOOKED,
    REFUSED,
    CANCELLED
}
