package org.kizuna.console.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Serves a module's console page at {@code /<module>/} from its static {@code index.html}. */
@Controller
class ModulePages {

    @GetMapping("/{module:[a-z][a-z-]{1,30}}/")
    String page(@PathVariable String module) {
        return "forward:/" + module + "/index.html";
    }
}
