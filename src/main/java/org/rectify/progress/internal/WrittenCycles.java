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
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A plan's reporting cycles as the due list answers them, written as JSON once per plan and kept until they change
 * (issue 14): every due list of a plan carries its ~100 cycles, a quarter of the 60 kB Jackson wrote at each request.
 * Whether they changed is checked against the cycles read at each request (equal lists: the kept JSON), so another
 * node's change is seen at once and nothing needs telling. The JSON is the app's own mapper's, so the answer is the
 * same bytes as before.
 */
@Component
public class WrittenCycles {

    /** More plans than a province runs at once: past it the kept lists are dropped and written again as asked. */
    private static final int MAX_PLANS = 1_000;

    private final JsonMapper json;
    private final Map<Long, CycleList> kept = new ConcurrentHashMap<>();

    WrittenCycles(JsonMapper json) {
        this.json = json;
    }

    /** {@code cycles} (one plan's, in order) as a list that writes the JSON kept for them. */
    public List<ReportingCycle> of(long planId, List<ReportingCycle> cycles) {
        CycleList known = kept.get(planId);
        if (known != null && known.cycles.equals(cycles)) {
            return known;
        }
        CycleList written = new CycleList(List.copyOf(cycles), new SerializedString(json.writeValueAsString(cycles)));
        if (kept.size() >= MAX_PLANS) {
            kept.clear();
        }
        kept.put(planId, written);
        return written;
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
