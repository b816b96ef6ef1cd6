package org.rectify.units.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.rectify.units.NewUnit;
import org.rectify.units.Unit;
import org.rectify.units.UnitAdministration;
import org.rectify.units.UnitGroup;
import org.rectify.units.UnitImportRejected;
import org.rectify.units.UnitImportReport;
import org.rectify.units.UnitLevel;
import org.rectify.units.UnitTreeImport;
import org.rectify.units.UnitType;
import org.rectify.units.Units;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The unit tree as JSON. Reading is open to every signed-in account; changing it ({@code /api/admin/**})
 * to administrators. Refusals come out as RFC 9457 problem details; a rejected import lists its
 * {@code rowErrors}.
 */
@RestController
class UnitApiController {

    /** A unit with its aliases; {@code path} is the materialised path of ids ({@code /1/4/17/}). */
    record UnitJson(long id, Long parentId, String name, UnitLevel level, UnitType type, String path,
                    LocalDate validFrom, LocalDate validTo, List<String> aliases) {

        static UnitJson of(Unit u, List<String> aliases) {
            return new UnitJson(u.id(), u.parentId(), u.name(), u.level(), u.type(), u.path(), u.validFrom(),
                    u.validTo(), aliases);
        }
    }

    record UnitGroupJson(long id, String name, String description, List<Long> memberIds) {

        static UnitGroupJson of(UnitGroup g) {
            return new UnitGroupJson(g.id(), g.name(), g.description(), g.memberIds());
        }
    }

    /** A new unit: {@code parentId} null makes a root; {@code aliases} optional. */
    record CreateUnit(Long parentId, @NotBlank String name, @NotNull UnitLevel level, @NotNull UnitType type,
                      LocalDate validFrom, List<String> aliases) {
    }

    private final Units units;
    private final UnitAdministration administration;
    private final UnitTreeImport unitImport;
    private final TransactionTemplate transaction;

    UnitApiController(Units units, UnitAdministration administration, UnitTreeImport unitImport,
                      TransactionTemplate transaction) {
        this.units = units;
        this.administration = administration;
        this.unitImport = unitImport;
        this.transaction = transaction;
    }

    /** The whole tree, depth first (siblings in their order), retired units included. */
    @GetMapping("/api/units")
    List<UnitJson> all() {
        Map<Long, List<String>> aliases = units.aliasesByUnit();
        return units.tree().stream().map(u -> UnitJson.of(u, aliases.getOrDefault(u.id(), List.of()))).toList();
    }

    @GetMapping("/api/units/{id}")
    UnitJson one(@PathVariable long id) {
        return UnitJson.of(units.get(id), units.aliases(id));
    }

    @GetMapping("/api/unit-groups")
    List<UnitGroupJson> groups() {
        return units.groups().stream().map(UnitGroupJson::of).toList();
    }

    @PostMapping(path = "/api/admin/units", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<UnitJson> create(@Valid @RequestBody CreateUnit body) {
        Unit unit = transaction.execute(status -> { // the unit with its aliases, or nothing
            Unit created = administration.create(new NewUnit(body.parentId(), body.name(), body.level(), body.type(),
                    units.nextSortOrder(body.parentId()), body.validFrom()));
            if (body.aliases() != null) {
                body.aliases().forEach(a -> administration.addAlias(created.id(), a));
            }
            return created;
        });
        return ResponseEntity.created(URI.create("/api/units/" + unit.id())).body(UnitJson.of(unit, units.aliases(unit.id())));
    }

    @PostMapping(path = "/api/admin/units/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    UnitImportReport importTree(@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        try (InputStream in = required(file).getInputStream()) {
            return unitImport.load(file.getOriginalFilename(), in);
        }
    }

    @PostMapping(path = "/api/admin/unit-groups/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    UnitImportReport importGroups(@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        try (InputStream in = required(file).getInputStream()) {
            return unitImport.loadGroups(file.getOriginalFilename(), in);
        }
    }

    private static MultipartFile required(MultipartFile file) {
        if (file == null) {
            throw new UnitImportRejected("unitImport.fileRequired");
        }
        return file;
    }
}
