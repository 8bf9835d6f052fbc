package org.kizuna.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LeastRecentlyUsedTests {

    @Test
    void keepsAtMostItsCapacityForgettingTheLeastRecentlyUsedFirst() {
        Map<String, Integer> map = new LeastRecentlyUsed<>(2);
        map.put("a", 1);
        map.put("b", 2);
        map.get("a"); // a read counts as a use: b is now the least recently used
        map.put("c", 3);
        assertThat(map).containsOnlyKeys("a", "c");
        map.put("a", 4); // so does a write
        map.put("d", 5);
        assertThat(map).containsOnlyKeys("a", "d").containsEntry("a", 4);
    }
}
