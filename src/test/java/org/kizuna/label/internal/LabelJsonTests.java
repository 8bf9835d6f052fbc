package org.kizuna.label.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.label.Label;
import org.kizuna.search.Searchable;
import org.kizuna.search.SearchableChanged;
import tools.jackson.databind.json.JsonMapper;

/**
 * Labels in the node's JSON are their banner, and read back from it: the event publication registry serializes each
 * event a module publishes and reads the pending ones back to hand them again (after a failure, at restart), so an event
 * that holds a label must survive the round trip.
 */
class LabelJsonTests {

    final JsonMapper json = JsonMapper.builder().addModule(new ReadPathConfiguration().labelJson()).build();

    @Test
    void aLabelIsWrittenAsItsBannerAndReadBack() {
        Label label = Label.parse("(S//REL TO USA, JPN)");
        assertThat(json.writeValueAsString(label)).isEqualTo("\"SECRET//REL TO USA, JPN\"");
        assertThat(json.readValue("\"SECRET//REL TO USA, JPN\"", Label.class)).isEqualTo(label);
    }

    @Test
    void anEventHoldingLabelsSurvivesTheRegistrysRoundTrip() {
        SearchableChanged event = new SearchableChanged(new Searchable("plan", "PL-1", "/plans/?plan=PL-1", Instant.parse("2026-12-07T00:00:00Z"),
                List.of(new Searchable.Part("title", Label.UNCLASSIFIED, "Title"), new Searchable.Part("section-1", Label.parse("SECRET//NOFORN"), "Text"))));
        assertThat(json.readValue(json.writeValueAsString(event), SearchableChanged.class)).isEqualTo(event);
    }
}
