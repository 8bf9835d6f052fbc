package org.kizuna.picture.internal.web;

import java.util.List;
import java.util.Map;

import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Role;
import org.kizuna.node.Problems;
import org.kizuna.picture.internal.ingest.CotServer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/picture/connections}, for the node's administrators: the open CoT connections, each with
 * its user, listener, remote address, the events it sent and those the picture refused, by reason, with the
 * latest refusal's reason (the place an operator sees that a client's reports go nowhere), and the node's
 * refusals since start by reason. Connections are not labelled items; other users get 403.
 */
@RestController
class ConnectionsController {

    private final CotServer server;

    ConnectionsController(CotServer server) {
        this.server = server;
    }

    @GetMapping("/api/v1/picture/connections")
    Map<String, Object> connections(KizunaUser user) {
        if (!user.has(Role.ADMINISTRATOR)) throw Problems.of(HttpStatus.FORBIDDEN, "the CoT connections are shown to the node's administrators only");
        List<CotServer.ConnectionView> open = server.connections();
        return Map.of("connections", open, "open", server.openConnections(), "refusedByReason", server.rejectedByReason());
    }
}
