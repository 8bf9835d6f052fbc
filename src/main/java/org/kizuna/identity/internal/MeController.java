package org.kizuna.identity.internal;

import java.util.List;

import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Role;
import org.kizuna.node.NodeSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: who the console is talking to, and on which node. */
@RestController
class MeController {

    record Me(String username, String nation, String clearance, List<String> accesses, List<String> roles, String zone, String node) {
    }

    private final String node;

    MeController(NodeSettings node) {
        this.node = node.nation();
    }

    @GetMapping("/api/v1/me")
    Me me(KizunaUser u) {
        return new Me(u.username(), u.nation(), u.clearance(), u.accesses().stream().sorted().toList(),
                u.roles().stream().map(Role::name).sorted().toList(), u.zone().getId(), node);
    }
}
