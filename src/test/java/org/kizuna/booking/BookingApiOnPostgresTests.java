package org.kizuna.booking;

import org.kizuna.testing.PostgresNode;

@PostgresNode
class BookingApiOnPostgresTests extends BookingApiContract {
}
