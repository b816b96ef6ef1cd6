package org.rectify.access.internal;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure != null) {
            // "disabled" only after the right password: a wrong one reads the same for every name
            model.addAttribute("loginError", failure instanceof LoginThrottledException ? "login.throttled"
                    : failure instanceof DisabledException ? "login.disabled" : "login.failed");
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        return "access/login";
    }
}
