package org.kizuna.booking.internal;

import org.kizuna.identity.UserDisabled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** When an administrator disables a user, the user's open booking event streams are completed at once. */
@Component
class BookingStreamAccess {

    private final BookingController controller;

    BookingStreamAccess(BookingController controller) {
        this.controller = controller;
    }

    @ApplicationModuleListener
    public void on(UserDisabled event) {
        controller.endStreamsOf(event.username());
    }
}
