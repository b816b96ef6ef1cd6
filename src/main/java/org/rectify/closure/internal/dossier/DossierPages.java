package org.rectify.closure.internal.dossier;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Renders the dossier's HTML from the templates under {@code closure/dossier}: a section's fragment, the index. */
@Component
public class DossierPages {

    private final ITemplateEngine templates;
    private final DossierText text;

    DossierPages(ITemplateEngine templates, DossierText text) {
        this.templates = templates;
        this.text = text;
    }

    /** The fragment {@code name} of {@code closure/dossier/sections.html}. */
    public String fragment(String name, Map<String, Object> variables) {
        return templates.process("closure/dossier/sections", Set.of(name), context(variables));
    }

    String index(Map<String, Object> variables) {
        return templates.process("closure/dossier/index", context(variables));
    }

    private Context context(Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("txt", text);
        return new Context(DossierText.LOCALE, all);
    }
}
