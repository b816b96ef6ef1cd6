import tools.jackson.core.*;
import tools.jackson.core.json.*;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.*;
// 50 rows of two lead unit names (a county's Q2): the names written as strings vs as cached UTF-8 bytes
public class NamesBench {
    public static void main(String[] a) {
        String[] names = {"临沧市临翔区生态环境分局", "临翔区人民政府", "临沧市自然资源和规划局临翔分局", "临翔区住房和城乡建设局", "临翔区水务局"};
        JsonFactory f = new JsonFactory();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        for (int round = 0; round < 16; round++) {
            for (int mode = 0; mode < 2; mode++) {
                long t0 = System.nanoTime(); int pages = 20000;
                for (int p = 0; p < pages; p++) {
                    out.reset();
                    Map<String, byte[]> cache = new HashMap<>();
                    try (JsonGenerator g = f.createGenerator(ObjectWriteContext.empty(), out)) {
                        g.writeStartArray();
                        for (int r = 0; r < 50; r++) {
                            for (int k = 0; k < 2; k++) {
                                String n = names[(r + k) % names.length];
                                if (mode == 0) g.writeString(n);
                                else { byte[] b = cache.computeIfAbsent(n, x -> x.getBytes(StandardCharsets.UTF_8)); g.writeUTF8String(b, 0, b.length); }
                            }
                        }
                        g.writeEndArray();
                    }
                }
                System.out.printf("round %d %s: %.2f us per page%n", round, mode == 0 ? "strings" : "cached bytes", (System.nanoTime() - t0) / 1e3 / pages);
            }
        }
    }
}
