package org.rectify.units;

import org.springframework.stereotype.Component;
import org.unbescape.html.HtmlEscape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code <option>}s of a unit select ({@code fragments/forms :: unitOptions}), written once per list of units and
 * kept: a province's tree is 1,005 options of five expressions each, which Thymeleaf took most of a ledger page's
 * time to evaluate (issue 12). Keyed by the units and aliases themselves, so a changed tree is written anew; only the
 * chosen unit's {@code selected} is added per request.
 */
@Component("unitOptions")
public class UnitOptions {

    private static final int KEPT_LISTS = 16;
    /** Two no-break spaces a level, as the template wrote them (its '&nbsp;' was read as the character). */
    private static final String INDENT = "\u00a0\u00a0";

    private record Key(List<Unit> units, Map<Long, String> aliases) {
    }

    /** Each unit's option, split before the end of its opening tag (where {@code selected} goes). */
    private record Written(long[] ids, String[] heads, String[] tails) {
    }

    private final Map<Key, Written> kept = Collections.synchronizedMap(new LinkedHashMap<>(KEPT_LISTS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Written> eldest) {
            return size() > KEPT_LISTS;
        }
    });

    /** The options of these units, indented by depth, with their paths and aliases for the picker; {@code selected} chosen. */
    public String html(List<Unit> units, Map<Long, String> aliases, Object selected) {
        Key key = new Key(List.copyOf(units), Map.copyOf(aliases));
        Written written = kept.computeIfAbsent(key, UnitOptions::write);
        String chosen = selected == null ? null : selected.toString();
        StringBuilder html = new StringBuilder(written.heads.length * 96);
        for (int i = 0; i < written.ids.length; i++) {
            html.append(written.heads[i]);
            if (chosen != null && chosen.equals(Long.toString(written.ids[i]))) {
                html.append(" selected=\"selected\"");
            }
            html.append(written.tails[i]);
        }
        return html.toString();
    }

    private static Written write(Key key) {
        int n = key.units().size();
        long[] ids = new long[n];
        String[] heads = new String[n];
        String[] tails = new String[n];
        for (int i = 0; i < n; i++) {
            Unit u = key.units().get(i);
            ids[i] = u.id();
            heads[i] = "<option value=\"" + u.id() + "\"";
            String aliases = key.aliases().get(u.id());
            tails[i] = " data-path=\"" + escape(u.path()) + "\""
                    + (aliases == null ? "" : " data-aliases=\"" + escape(aliases) + "\"")
                    + ">" + INDENT.repeat(Math.max(0, u.depth())) + escape(u.name()) + "</option>";
        }
        return new Written(ids, heads, tails);
    }

    private static String escape(String text) {
        return HtmlEscape.escapeHtml4Xml(Objects.requireNonNullElse(text, ""));
    }
}
