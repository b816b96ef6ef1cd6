package org.rectify.platform.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Browsers and tools that ask for /favicon.ico without reading the page's icon link get the SVG icon. */
@Controller
class FaviconController {

    @GetMapping("/favicon.ico")
    String favicon() {
        return "redirect:/favicon.svg";
    }
}
