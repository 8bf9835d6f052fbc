package org.kizuna.booking;

import org.kizuna.testing.H2Node;

@H2Node
class BookingApiOnH2Tests extends BookingApiContract {
}
