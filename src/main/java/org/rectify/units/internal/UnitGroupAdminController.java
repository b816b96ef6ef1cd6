package org.rectify.units.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.rectify.units.Unit;
import org.rectify.units.UnitAdministration;
import org.rectify.units.UnitGroup;
import org.rectify.units.Units;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Unit groups (各县区党委 = the 8 county party committees): the list, a new group, a group's members. */
@Controller
@RequestMapping("/admin/units/groups")
class UnitGroupAdminController {

    /** A group with its members in tree order. */
    record GroupRow(UnitGroup group, List<Unit> members) {
    }

    /** The member picker: the units under one parent (null: the top of the tree). */
    record PickerSection(Unit parent, List<Unit> units) {
    }

    private final Units units;
    private final UnitAdministration administration;
    private final Messages messages;

    UnitGroupAdminController(Units units, UnitAdministration administration, Messages messages) {
        this.units = units;
        this.administration = administration;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        List<Unit> tree = units.tree();
        Map<Long, Integer> order = new LinkedHashMap<>();
        tree.forEach(u -> order.put(u.id(), order.size()));
        Map<Long, Unit> byId = tree.stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        List<GroupRow> rows = units.groups().stream().map(g -> new GroupRow(g, g.memberIds().stream()
                        .sorted((a, b) -> Integer.compare(order.getOrDefault(a, 0), order.getOrDefault(b, 0)))
                        .map(byId::get).toList()))
                .toList();
        model.addAttribute("rows", rows);
        return "units/groups";
    }

    @GetMapping("/new")
    String newGroup(Model model) {
        return form(model, null, "", "", Set.of(), Map.of(), null);
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
                  @RequestParam(name = "memberIds", required = false) List<Long> memberIds, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        Set<Long> members = memberIds == null ? Set.of() : new LinkedHashSet<>(memberIds);
        FormErrors errors = new FormErrors(messages);
        if (members.isEmpty()) {
            errors.add("memberIds", "units.groups.membersRequired");
        }
        if (!errors.any()) {
            try {
                UnitGroup group = administration.createGroup(name, description.isBlank() ? null : description.strip(), members);
                redirect.addFlashAttribute("flash", messages.text("units.groups.created", group.name(), members.size()));
                return "redirect:/admin/units/groups";
            } catch (InvalidInputException e) {
                errors.refused(e);
            }
        }
        response.setStatus(422);
        return form(model, null, name, description, members, errors.fields(), messages.text("error.invalid"));
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        UnitGroup group = units.group(id);
        return form(model, group, group.name(), group.description() == null ? "" : group.description(),
                new LinkedHashSet<>(group.memberIds()), Map.of(), null);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String description,
                  @RequestParam(name = "memberIds", required = false) List<Long> memberIds, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        UnitGroup group = units.group(id);
        Set<Long> members = memberIds == null ? Set.of() : new LinkedHashSet<>(memberIds);
        FormErrors errors = new FormErrors(messages);
        if (members.isEmpty()) {
            errors.add("memberIds", "units.groups.membersRequired");
        }
        if (!errors.any()) {
            try {
                administration.updateGroup(id, name, description);
                administration.setMembers(id, members);
                redirect.addFlashAttribute("flash", messages.text("units.groups.saved", units.group(id).name(), members.size()));
                return "redirect:/admin/units/groups";
            } catch (InvalidInputException e) {
                errors.refused(e);
            }
        }
        response.setStatus(422);
        return form(model, group, name, description, members, errors.fields(), messages.text("error.invalid"));
    }

    private String form(Model model, UnitGroup group, String name, String description, Set<Long> selected,
                        Map<String, String> fieldErrors, String formError) {
        List<Unit> current = units.tree().stream().filter(Unit::isCurrent).toList();
        Map<Long, Unit> byId = current.stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        Map<Long, List<Unit>> byParent = new LinkedHashMap<>();
        List<Unit> roots = new ArrayList<>();
        for (Unit u : current) {
            if (u.parentId() == null || !byId.containsKey(u.parentId())) {
                roots.add(u);
            } else {
                byParent.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            }
        }
        List<PickerSection> sections = new ArrayList<>();
        if (!roots.isEmpty()) {
            sections.add(new PickerSection(null, roots));
        }
        byParent.forEach((parentId, children) -> sections.add(new PickerSection(byId.get(parentId), children)));
        model.addAttribute("group", group);
        model.addAttribute("pageTitle", group != null ? group.name() : messages.text("units.groups.new"));
        model.addAttribute("name", name);
        model.addAttribute("description", description);
        model.addAttribute("selected", selected);
        model.addAttribute("sections", sections);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("formError", formError);
        return "units/group-form";
    }
}
