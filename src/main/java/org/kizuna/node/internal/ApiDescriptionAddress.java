package org.kizuna.node.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The API description at the address tools look for first, {@code /v3/api-docs} (springdoc's and many generators'
 * default), as well as at the node's own {@code /api/v1/openapi}: the same document, for a signed-in user.
 */
@Controller
class ApiDescriptionAddress {

    @GetMapping("/v3/api-docs")
    String description() {
        return "forward:/api/v1/openapi";
    }
}
