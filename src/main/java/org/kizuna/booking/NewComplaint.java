package org.kizuna.booking;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A complaint as a liaison officer records it: where (a facility, or a place from which the facilities near it are
 * found), when, what kind, from whom, what was said, and its label (a neighbour's complaint is usually UNCLASSIFIED).
 *
 * @param facility    the facility complained about (a registry facility id), or null to find the facilities near the place
 * @param latitude    where it happened, degrees north (with {@code longitude}); needed when no facility is named
 * @param longitude   where it happened, degrees east
 * @param occurredAt  when it happened (UTC instant; shown in the facility's zone)
 * @param kind        noise, low flight, night activity, incident or other
 * @param source      who complained: a resident, a town office, a prefecture
 * @param description what was said
 * @param label       the complaint's label, such as UNCLASSIFIED
 */
public record NewComplaint(@Nullable @Size(max = 64, message = "{booking.max64}") String facility,
        @Nullable @DecimalMin(value = "-90", message = "{booking.complaint.latitude}") @DecimalMax(value = "90", message = "{booking.complaint.latitude}") Double latitude,
        @Nullable @DecimalMin(value = "-180", message = "{booking.complaint.longitude}") @DecimalMax(value = "180", message = "{booking.complaint.longitude}") Double longitude,
        @NotNull(message = "{booking.complaint.occurredAt}") Instant occurredAt,
        @NotNull(message = "{booking.complaint.kind}") Complaint.Kind kind,
        @NotBlank(message = "{booking.complaint.source.blank}") @Size(max = 200, message = "{booking.max200}") String source,
        @NotBlank(message = "{booking.complaint.description.blank}") @Size(max = 4000, message = "{booking.max4000}") String description,
        @NotBlank(message = "{booking.complaint.label.blank}") @Size(max = 200, message = "{booking.max200}") String label) {
}
