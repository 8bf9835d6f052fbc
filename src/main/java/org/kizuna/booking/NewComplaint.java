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
public record NewComplaint(@Nullable @Size(max = 64, message = "is at most 64 characters") String facility,
        @Nullable @DecimalMin(value = "-90", message = "must be -90 to 90") @DecimalMax(value = "90", message = "must be -90 to 90") Double latitude,
        @Nullable @DecimalMin(value = "-180", message = "must be -180 to 180") @DecimalMax(value = "180", message = "must be -180 to 180") Double longitude,
        @NotNull(message = "is required, an ISO instant such as 2026-12-01T13:30:00Z") Instant occurredAt,
        @NotNull(message = "is required: NOISE, LOW_FLIGHT, NIGHT_ACTIVITY, INCIDENT or OTHER") Complaint.Kind kind,
        @NotBlank(message = "say who complained (a resident, a town office)") @Size(max = 200, message = "is at most 200 characters") String source,
        @NotBlank(message = "say what was reported") @Size(max = 4000, message = "is at most 4000 characters") String description,
        @NotBlank(message = "give the complaint's label, such as UNCLASSIFIED") @Size(max = 200, message = "is at most 200 characters") String label) {
}
