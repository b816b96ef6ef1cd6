package org.rectify.closure;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.stream.Collectors;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The closure procedure's API, as the tests call it: one method per step, each from the attempt's current version. */
final class ClosureFlow {

    static final byte[] PDF = "%PDF-1.4\n% 销号佐证\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    private final MockMvc mvc;

    ClosureFlow(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** An application answering all {@code items} lines, with one PDF (or none). */
    ResultActions apply(RequestPostProcessor who, long taskId, int items, boolean withFile) throws Exception {
        String answers = Collections.nCopies(items, "{\"achieved\": true, \"text\": \"已完成，见佐证材料\"}").stream()
                .collect(Collectors.joining(", "));
        var request = multipart("/api/closures").file(new MockMultipartFile("application", "", MediaType.APPLICATION_JSON_VALUE,
                "{\"taskId\": %d, \"application\": {\"statement\": \"整改措施已全部落实。\", \"answers\": [%s]}}"
                        .formatted(taskId, answers).getBytes(StandardCharsets.UTF_8)));
        if (withFile) {
            request.file(new MockMultipartFile("files", "整改报告.pdf", "application/pdf", PDF));
        }
        return mvc.perform(request.with(who));
    }

    long applied(RequestPostProcessor who, long taskId, int items) throws Exception {
        return id(apply(who, taskId, items, true));
    }

    ResultActions assign(RequestPostProcessor who, long id, Long unitId, boolean onSite) throws Exception {
        return json(who, "/api/closures/%d/verification-assignment".formatted(id),
                "{\"version\": %d, \"acceptanceUnitId\": %s, \"onSiteRequired\": %s}".formatted(version(id), unitId, onSite));
    }

    ResultActions verify(RequestPostProcessor who, long id, boolean passed, byte[] photo) throws Exception {
        var request = multipart("/api/closures/{id}/verifications", id).file(new MockMultipartFile("verification", "",
                MediaType.APPLICATION_JSON_VALUE, """
                        {"version": %d, "verification": {"verifiedOn": "%s", "members": "张三、李四", "method": "ON_SITE",
                         "findings": "%s", "passed": %s}}""".formatted(version(id), LocalDate.now().minusDays(1),
                        passed ? "现场核查，整改到位" : "现场仍有违规堆放，整改不到位", passed).getBytes(StandardCharsets.UTF_8)));
        if (photo != null) {
            request.file(new MockMultipartFile("files", "现场.jpg", "image/jpeg", photo));
        }
        return mvc.perform(request.with(who));
    }

    ResultActions approve(RequestPostProcessor who, long id) throws Exception {
        return step(who, id, "approval", null);
    }

    ResultActions sendBack(RequestPostProcessor who, long id, String reason) throws Exception {
        return step(who, id, "return", reason);
    }

    ResultActions close(RequestPostProcessor who, long id) throws Exception {
        return step(who, id, "close", null);
    }

    ResultActions signOff(RequestPostProcessor who, long id) throws Exception {
        return step(who, id, "sign-off", null);
    }

    ResultActions answer(RequestPostProcessor who, long id, long objectionId, boolean upheld, String answer) throws Exception {
        return json(who, "/api/closures/%d/objections/%d/answer".formatted(id, objectionId),
                "{\"version\": %d, \"upheld\": %s, \"answer\": \"%s\"}".formatted(version(id), upheld, answer));
    }

    /** Takes {@code command} as the administrator (who passes every role check), so only the stage decides. */
    ResultActions take(RequestPostProcessor admin, long id, ClosureCommand command) throws Exception {
        return switch (command) {
            case SIGN_OFF -> signOff(admin, id);
            case ASSIGN_VERIFICATION -> assign(admin, id, null, false);
            case PASS_VERIFICATION -> verify(admin, id, true, null);
            case FAIL_VERIFICATION -> verify(admin, id, false, null);
            case APPROVE -> approve(admin, id);
            case UPHOLD_OBJECTION -> answer(admin, id, 0, true, "成立");
            case CLOSE -> close(admin, id);
            case RETURN -> sendBack(admin, id, "退回");
        };
    }

    ResultActions step(RequestPostProcessor who, long id, String path, String reason) throws Exception {
        return json(who, "/api/closures/%d/%s".formatted(id, path), reason == null ? "{\"version\": %d}".formatted(version(id))
                : "{\"version\": %d, \"reason\": \"%s\"}".formatted(version(id), reason));
    }

    ResultActions json(RequestPostProcessor who, String uri, String body) throws Exception {
        return mvc.perform(post(uri).with(who).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    int version(long id) throws Exception {
        String body = mvc.perform(get("/api/closures/{id}", id).with(org.rectify.DemoLogins.admin()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return body.isEmpty() || !body.contains("\"version\"") ? 0 : JsonPath.read(body, "$.version");
    }

    static long id(ResultActions result) throws Exception {
        var response = result.andReturn().getResponse();
        if (response.getStatus() != 201 && response.getStatus() != 200) {
            throw new AssertionError(response.getStatus() + " " + response.getContentAsString(StandardCharsets.UTF_8));
        }
        return ((Number) JsonPath.read(response.getContentAsString(StandardCharsets.UTF_8), "$.id")).longValue();
    }
}
