package org.kizuna.identity.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Serves the console's static login page at {@code /login}. */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "forward:/login.html";
    }
}
