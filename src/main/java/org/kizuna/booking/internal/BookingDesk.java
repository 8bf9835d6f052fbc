package org.kizuna.booking.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kizuna.booking.BookingRequest;
import org.kizuna.console.DeskSection;
import org.kizuna.identity.KizunaUser;
import org.kizuna.registry.Facility;
import org.springframework.stereotype.Component;

/**
 * The booking part of the desk: today's and tomorrow's bookings (in each facility's local day) at facilities the user's
 * nation hosts or requested by its units, as the user may read them, by start; each at its start in the user's zone with
 * the facility's local time beside it, linking to the facility's calendar in that week.
 */
@Component
class BookingDesk extends DeskSection.OfModule {

    private final BookingService bookings;

    BookingDesk(BookingService bookings) {
        super("booking", 40);
        this.bookings = bookings;
    }

    @Override
    public Optional<Content> section(KizunaUser user, Locale language) {
        List<Item> items = new ArrayList<>();
        for (BookingService.DeskBooking d : bookings.todayAndTomorrow(user)) {
            BookingRequest b = d.booking();
            Facility f = d.facility();
            List<String> labels = new ArrayList<>(List.of(b.label().banner()));
            if (f != null) labels.add(f.label().banner());
            items.add(Item.at(d.today() ? "booking.desk.today" : "booking.desk.tomorrow", List.of(b.unit(), f == null ? d.facilityId() : f.in(language).name()),
                    page("facility", d.facilityId(), "week", d.day().toString()), b.start(), labels).inZone(d.zone()));
        }
        return Optional.of(content(items));
    }
}
