package org.rectify.units.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.rectify.platform.ConflictException;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.rectify.units.NewUnit;
import org.rectify.units.Unit;
import org.rectify.units.UnitAdministration;
import org.rectify.units.UnitGroup;
import org.rectify.units.UnitLevel;
import org.rectify.units.UnitNames;
import org.rectify.units.UnitType;
import org.rectify.units.Units;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The unit tree for administrators: the tree, a new unit, and one unit's page where it is renamed,
 * reclassified, moved, given or relieved of aliases, and retired. {@code /admin/**} is ADMIN only.
 */
@Controller
@RequestMapping("/admin/units")
class UnitAdminController {

    private final Units units;
    private final UnitAdministration administration;
    private final Messages messages;
    private final Clock clock;

    UnitAdminController(Units units, UnitAdministration administration, Messages messages, Clock clock) {
        this.units = units;
        this.administration = administration;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- the tree

    @GetMapping
    String tree(@RequestParam(required = false) String q, Model model) {
        List<Unit> tree = units.tree();
        Map<Long, List<String>> aliases = units.aliasesByUnit();
        Map<Long, List<String>> groups = groupNamesByMember(units.groups());
        String query = q == null ? "" : UnitNames.canonical(q);
        Set<Long> matches = new HashSet<>();
        Set<Long> shown = new HashSet<>();
        if (!query.isEmpty()) {
            for (Unit u : tree) {
                if (u.name().contains(query) || aliases.getOrDefault(u.id(), List.of()).stream().anyMatch(a -> a.contains(query))) {
                    matches.add(u.id());
                    Arrays.stream(u.path().split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).forEach(shown::add);
                }
            }
        }
        List<UnitRow> rows = tree.stream().filter(u -> query.isEmpty() || shown.contains(u.id()))
                .map(u -> new UnitRow(u, aliases.getOrDefault(u.id(), List.of()), groups.getOrDefault(u.id(), List.of()),
                        query.isEmpty() || matches.contains(u.id())))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("matchCount", matches.size());
        model.addAttribute("total", tree.size());
        model.addAttribute("current", tree.stream().filter(Unit::isCurrent).count());
        model.addAttribute("groupCount", units.groups().size());
        return "units/tree";
    }

    // ---- a new unit

    @GetMapping("/new")
    String newUnit(@RequestParam(required = false) Long parentId, Model model) {
        Unit parent = parentId == null ? null : units.get(parentId);
        return createForm(model, UnitForm.blank(parentId, parent), Map.of(), null);
    }

    @PostMapping
    String create(@ModelAttribute("form") UnitForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        FormErrors errors = new FormErrors(messages).binding(binding)
                .require("name", form.getName(), "unit.nameRequired")
                .require("level", form.getLevel(), "units.form.levelRequired")
                .require("type", form.getType(), "units.form.typeRequired");
        LocalDate validFrom = errors.date("validFrom", form.getValidFrom());
        if (!errors.any()) {
            try {
                Unit unit = administration.create(new NewUnit(form.getParentId(), form.getName(), form.getLevel(),
                        form.getType(), units.nextSortOrder(form.getParentId()), validFrom));
                redirect.addFlashAttribute("flash", messages.text("units.created", unit.name()));
                return "redirect:/admin/units/" + unit.id();
            } catch (InvalidInputException e) {
                errors.refused(e);
            }
        }
        response.setStatus(422);
        return createForm(model, form, errors.fields(), messages.text("error.invalid"));
    }

    private String createForm(Model model, UnitForm form, Map<String, String> fieldErrors, String formError) {
        model.addAttribute("form", form);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("formError", formError);
        model.addAttribute("parents", units.tree().stream().filter(Unit::isCurrent).toList());
        model.addAttribute("levels", UnitLevel.values());
        model.addAttribute("types", UnitType.values());
        return "units/new";
    }

    // ---- one unit

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        return editPage(model, units.get(id), null, Map.of(), null);
    }

    /** Name, level and type; a new name keeps the old one as an alias. */
    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") UnitForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        Unit unit = units.get(id);
        FormErrors errors = new FormErrors(messages).binding(binding)
                .require("name", form.getName(), "unit.nameRequired")
                .require("level", form.getLevel(), "units.form.levelRequired")
                .require("type", form.getType(), "units.form.typeRequired");
        String formError = messages.text("error.invalid");
        if (!errors.any()) {
            try {
                Unit saved = administration.update(id, form.getName(), form.getLevel(), form.getType(), form.getVersion());
                redirect.addFlashAttribute("flash", saved.name().equals(unit.name())
                        ? messages.text("units.saved", saved.name())
                        : messages.text("units.renamed", unit.name(), saved.name()));
                return "redirect:/admin/units/" + id;
            } catch (InvalidInputException e) {
                errors.refused(e);
            } catch (ConflictException e) {
                formError = messages.text(e);
            }
        }
        response.setStatus(formError.equals(messages.text("error.invalid")) ? 422 : 409);
        return editPage(model, unit, form, errors.fields(), formError);
    }

    @PostMapping("/{id}/move")
    String move(@PathVariable long id, @RequestParam(required = false) Long parentId, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        Unit unit = units.get(id);
        try {
            Unit moved = administration.move(id, parentId);
            redirect.addFlashAttribute("flash", messages.text("units.moved", moved.name(),
                    parentId == null ? messages.text("units.topLevel") : units.get(parentId).name()));
            return "redirect:/admin/units/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("moveError", messages.text(e));
            return editPage(model, unit, null, Map.of(), null);
        }
    }

    @PostMapping("/{id}/aliases")
    String addAlias(@PathVariable long id, @RequestParam(defaultValue = "") String alias,
                    @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        Unit unit = units.get(id);
        String error = null;
        try {
            administration.addAlias(id, alias);
        } catch (InvalidInputException e) {
            error = messages.text(e);
        }
        if (htmx != null) {
            return aliasesFragment(model, unit, error, error == null ? null : alias);
        }
        if (error != null) {
            response.setStatus(422);
            model.addAttribute("aliasError", error);
            model.addAttribute("aliasInput", alias);
            return editPage(model, unit, null, Map.of(), null);
        }
        redirect.addFlashAttribute("flash", messages.text("units.aliasAdded", UnitNames.canonical(alias), unit.name()));
        return "redirect:/admin/units/" + id;
    }

    @PostMapping("/{id}/aliases/delete")
    String removeAlias(@PathVariable long id, @RequestParam String alias,
                       @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                       RedirectAttributes redirect) {
        Unit unit = units.get(id);
        administration.removeAlias(id, alias);
        if (htmx != null) {
            return aliasesFragment(model, unit, null, null);
        }
        redirect.addFlashAttribute("flash", messages.text("units.aliasRemoved", alias, unit.name()));
        return "redirect:/admin/units/" + id;
    }

    @PostMapping("/{id}/validity")
    String validity(@PathVariable long id, @RequestParam(required = false) String validFrom,
                    @RequestParam(required = false) String validTo, Model model, RedirectAttributes redirect,
                    HttpServletResponse response) {
        Unit unit = units.get(id);
        FormErrors errors = new FormErrors(messages);
        LocalDate from = errors.date("validFrom", validFrom);
        LocalDate to = errors.date("validTo", validTo);
        if (!errors.any()) {
            try {
                Unit saved = administration.setValidity(id, from, to);
                redirect.addFlashAttribute("flash", messages.text(saved.isCurrent() ? "units.validitySaved" : "units.retired",
                        saved.name(), saved.validTo()));
                return "redirect:/admin/units/" + id;
            } catch (InvalidInputException e) {
                errors.refused(e);
            }
        }
        response.setStatus(422);
        model.addAttribute("validityErrors", errors.fields());
        model.addAttribute("validFromInput", validFrom);
        model.addAttribute("validToInput", validTo);
        return editPage(model, unit, null, Map.of(), null);
    }

    /** Retires the unit today (its name is freed; it stays in the history). */
    @PostMapping("/{id}/retire")
    String retire(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Unit unit = units.get(id);
        try {
            Unit saved = administration.retire(id, LocalDate.now(clock));
            redirect.addFlashAttribute("flash", messages.text("units.retired", saved.name(), saved.validTo()));
            return "redirect:/admin/units/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("validityErrors", Map.of("validTo", messages.text(e)));
            return editPage(model, unit, null, Map.of(), null);
        }
    }

    private String aliasesFragment(Model model, Unit unit, String error, String input) {
        model.addAttribute("unit", unit);
        model.addAttribute("aliases", units.aliases(unit.id()));
        model.addAttribute("aliasError", error);
        model.addAttribute("aliasInput", input);
        return "units/edit :: aliases";
    }

    private String editPage(Model model, Unit unit, UnitForm form, Map<String, String> fieldErrors, String formError) {
        List<Unit> tree = units.tree();
        model.addAttribute("unit", unit);
        model.addAttribute("form", form == null ? UnitForm.of(unit) : form);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("formError", formError);
        model.addAttribute("parent", unit.parentId() == null ? null : units.get(unit.parentId()));
        model.addAttribute("ancestors", tree.stream().filter(u -> u.contains(unit) && u.id() != unit.id()).toList());
        model.addAttribute("children", tree.stream().filter(u -> unit.id() == (u.parentId() == null ? -1 : u.parentId())).toList());
        model.addAttribute("subtreeSize", tree.stream().filter(unit::contains).count() - 1);
        model.addAttribute("moveTargets", tree.stream().filter(u -> u.isCurrent() && !unit.contains(u)).toList());
        if (!model.containsAttribute("aliases")) {
            model.addAttribute("aliases", units.aliases(unit.id()));
        }
        model.addAttribute("memberOf", units.groups().stream().filter(g -> g.memberIds().contains(unit.id())).toList());
        model.addAttribute("levels", UnitLevel.values());
        model.addAttribute("types", UnitType.values());
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("validityErrors")) {
            model.addAttribute("validityErrors", Map.of());
        }
        return "units/edit";
    }

    static Map<Long, List<String>> groupNamesByMember(List<UnitGroup> groups) {
        Map<Long, List<String>> out = new HashMap<>();
        for (UnitGroup g : groups) {
            g.memberIds().forEach(id -> out.computeIfAbsent(id, k -> new ArrayList<>()).add(g.name()));
        }
        return out;
    }
}
