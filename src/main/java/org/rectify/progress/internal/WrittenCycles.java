package org.rectify.progress.internal;

import org.rectify.progress.ReportingCycle;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.ser.std.StdSerializer;

import java.util.AbstractList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A plan's reporting cycles as the due list answers them, written as JSON once per plan and kept until they change
 * (issue 14): every due list of a plan carries its ~100 cycles, a quarter of the 60 kB Jackson wrote at each request.
 * They are kept with the version of the plan's cycles read with its cadence (V71's trigger raises it whatever writes
 * them, on any node), and read again only when the version read differs: reading and parsing them at each request
 * only to compare them with the kept ones was the due list's second statement. The JSON is the app's own mapper's,
 * so the answer is the same bytes as before.
 */
@Component
public class WrittenCycles {

    /** More plans than a province runs at once: past it the kept lists are dropped and written again as asked. */
    private static final int MAX_PLANS = 1_000;

    private final JsonMapper json;
    private final Map<Long, Kept> kept = new ConcurrentHashMap<>();

    WrittenCycles(JsonMapper json) {
        this.json = json;
    }

    /**
     * The cycles of these plans by plan id (a plan without cycles: an empty list), each a list that writes the JSON
     * kept for them. {@code versions}: the version of each plan's cycles, read before them (a plan without one, no
     * cadence, is read each time); {@code read} reads the cycles of the plans given (in order of their start).
     */
    public Map<Long, List<ReportingCycle>> of(Collection<Long> planIds, Map<Long, Long> versions,
                                              Function<Set<Long>, Map<Long, List<ReportingCycle>>> read) {
        Map<Long, List<ReportingCycle>> out = new HashMap<>();
        Set<Long> stale = new LinkedHashSet<>();
        for (long plan : planIds) {
            Kept known = kept.get(plan);
            Long version = versions.get(plan);
            if (known != null && version != null && known.version == version) {
                out.put(plan, known.cycles);
            } else {
                stale.add(plan);
            }
        }
        if (stale.isEmpty()) {
            return out;
        }
        Map<Long, List<ReportingCycle>> fresh = read.apply(stale);
        for (long plan : stale) {
            List<ReportingCycle> cycles = fresh.getOrDefault(plan, List.of());
            CycleList written = new CycleList(List.copyOf(cycles), new SerializedString(json.writeValueAsString(cycles)));
            out.put(plan, written);
            Long version = versions.get(plan);
            if (version != null) {
                // read after the version: as new as it or newer, so kept under it they are never older than it says
                if (kept.size() >= MAX_PLANS) {
                    kept.clear();
                }
                kept.put(plan, new Kept(version, written));
            }
        }
        return out;
    }

    /** A plan's cycles as written and the version of them read before they were. */
    private record Kept(long version, CycleList cycles) {
    }

    /** Cycles and their JSON; a list like any other to the page's template and to equality. */
    @JsonSerialize(using = CycleList.Writer.class)
    static final class CycleList extends AbstractList<ReportingCycle> implements RandomAccess {

        private final List<ReportingCycle> cycles;
        private final SerializedString json;

        private CycleList(List<ReportingCycle> cycles, SerializedString json) {
            this.cycles = cycles;
            this.json = json;
        }

        @Override
        public ReportingCycle get(int index) {
            return cycles.get(index);
        }

        @Override
        public int size() {
            return cycles.size();
        }

        /** Writes the kept JSON as it stands (its UTF-8 bytes are kept too). */
        static final class Writer extends StdSerializer<CycleList> {

            Writer() {
                super(CycleList.class);
            }

            @Override
            public void serialize(CycleList value, JsonGenerator gen, SerializationContext context) {
                gen.writeRawValue(value.json);
            }
        }
    }
}
