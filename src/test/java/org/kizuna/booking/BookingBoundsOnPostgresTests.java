package org.kizuna.booking;

import org.kizuna.testing.PostgresNode;

@PostgresNode
class BookingBoundsOnPostgresTests extends BookingBoundsContract {
}
