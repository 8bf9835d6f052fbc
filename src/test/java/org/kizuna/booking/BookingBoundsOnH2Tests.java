package org.kizuna.booking;

import org.kizuna.testing.H2Node;

@H2Node
class BookingBoundsOnH2Tests extends BookingBoundsContract {
}
