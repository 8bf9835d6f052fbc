package org.kizuna.label.internal;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Marking services for the console: the banner a page shows is the roll-up of the labels of what it
 * shows. Markings that do not parse, and more than 10,000 markings at once, are a 400 problem naming what is wrong.
 */
@RestController
@RequestMapping("/api/v1/labels")
class LabelController {

    record Banner(String banner, String portionMark) {
    }

    private final LabelKernel kernel;

    LabelController(LabelKernel kernel) {
        this.kernel = kernel;
    }

    @PostMapping("/rollup")
    Banner rollUp(@RequestBody @Size(max = 10_000, message = "at most 10,000 markings can be rolled up at once") List<String> markings) {
        if (markings.isEmpty()) {
            return new Banner(Label.UNCLASSIFIED.banner(), Label.UNCLASSIFIED.portionMark());
        }
        Label rolled = kernel.rollUp(markings.stream().distinct().map(Label::parse).toList());
        return new Banner(rolled.banner(), rolled.portionMark());
    }
}
