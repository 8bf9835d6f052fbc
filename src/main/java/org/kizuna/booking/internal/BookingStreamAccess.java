package org.kizuna.booking.internal;

import org.kizuna.identity.UserDisabled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** When an administrator disables a user, the user's open booking event streams are completed at once. */
@Component
class BookingStreamAccess {

    private final BookingEventStreams streams;

    BookingStreamAccess(BookingEventStreams streams) {
        this.streams = streams;
    }

    @ApplicationModuleListener
    public void on(UserDisabled event) {
        streams.endStreamsOf(event.username());
    }
}
