package org.rectify.units.internal;

import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.rectify.units.People;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 责任人: the people named in plans, for administrators to give each the address their reminders and notices are
 * mailed to. People are recorded from the task form; their phone numbers stay internal to this page.
 */
@Controller
class PeopleController {

    static final int LIMIT = 200;

    private final People people;
    private final Messages messages;

    PeopleController(People people, Messages messages) {
        this.people = people;
        this.messages = messages;
    }

    @GetMapping("/admin/people")
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("people", people.search(q, LIMIT));
        model.addAttribute("limit", LIMIT);
        return "units/people";
    }

    @PostMapping("/admin/people/{id}/email")
    String email(@PathVariable long id, @RequestParam(required = false) String email, @RequestParam(required = false) String q,
                 RedirectAttributes redirect) {
        try {
            people.setEmail(id, email);
            redirect.addFlashAttribute("flash", messages.text("person.emailSaved"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", messages.text(e));
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/admin/people").queryParamIfPresent("q",
                java.util.Optional.ofNullable(q).filter(s -> !s.isBlank())).encode().build().toUriString();
    }
}
