package org.rectify.platform.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.condition.NameValueExpression;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every handler of the running application that sends a file (evidence, a dossier, a document, a spreadsheet, a CSV)
 * or takes one is a transfer that takes no turn at the gate; the ledger, the dashboard, the due list and the pages
 * are not. A new download whose path the gate does not know fails here, before a long export can hold a turn.
 */
@IntegrationTest
class TransfersTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void every_handler_that_sends_or_takes_a_file_is_a_transfer() {
        List<String> files = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("org.rectify")) {
                continue; // the API description and Boot's error page: computed, not files
            }
            boolean sends = sendsFile(handler) || hasFormatParam(entry.getKey());
            boolean takes = takesFile(handler, entry.getKey());
            if (!sends && !takes) {
                continue;
            }
            for (MockHttpServletRequest request : samples(entry.getKey(), takes)) {
                String name = request.getMethod() + " " + request.getRequestURI()
                        + (request.getQueryString() != null ? "?" + request.getQueryString() : "");
                files.add(name);
                if (!Transfers.isTransfer(request)) {
                    missed.add(name + " (" + handler.getShortLogMessage() + ")");
                }
            }
        }
        assertThat(files).as("the file handlers found").hasSizeGreaterThan(25)
                .contains("GET /insight/ledger.xlsx", "GET /api/tasks/1/dossier", "GET /api/progress/evidence/1",
                        "GET /inbox?format=xlsx", "POST /api/progress/reports");
        assertThat(missed).as("file handlers that would take a turn").isEmpty();
    }

    @Test
    void the_ledger_the_dashboard_the_due_list_and_pages_are_not_transfers() {
        for (String path : List.of("/api/tasks", "/tasks", "/tasks/1", "/api/tasks/count", "/api/insight", "/insight",
                "/api/progress/due", "/todo", "/", "/login", "/api/tasks/1", "/supervision/notices",
                "/api/supervision/notices/1", "/progress/matrix")) {
            assertThat(Transfers.isTransfer(new MockHttpServletRequest("GET", path))).as(path).isFalse();
            assertThat(AdmissionGate.takesTurn(new MockHttpServletRequest("GET", path))).as(path).isTrue();
        }
        MockHttpServletRequest filtered = new MockHttpServletRequest("GET", "/api/tasks");
        filtered.setQueryString("q=format%3Dxlsx&sort=DEADLINE&informat=1");
        assertThat(Transfers.isTransfer(filtered)).isFalse();
        MockHttpServletRequest report = new MockHttpServletRequest("POST", "/api/progress/reports");
        report.setContentType("application/json");
        assertThat(Transfers.isTransfer(report)).isFalse();
        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/login");
        form.setContentType("application/x-www-form-urlencoded");
        assertThat(Transfers.isTransfer(form)).isFalse();
    }

    /**
     * Streams its body: writes it itself (a void handler given the response) or returns a resource or a stream. A
     * body returned as bytes (a briefing's .docx made in memory) is computed and then written at once, like a page.
     */
    private static boolean sendsFile(HandlerMethod handler) {
        MethodParameter returned = handler.getReturnType();
        if (returned.getParameterType() == void.class) {
            return Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> HttpServletResponse.class.isAssignableFrom(p.getParameterType()));
        }
        ResolvableType type = ResolvableType.forMethodParameter(returned);
        if (ResponseEntity.class.isAssignableFrom(type.toClass())) {
            type = type.getGeneric(0);
        }
        Class<?> body = type.toClass();
        return Resource.class.isAssignableFrom(body)
                || StreamingResponseBody.class.isAssignableFrom(body);
    }

    /** Takes a file, a list of them, or any multipart body. */
    private static boolean takesFile(HandlerMethod handler, RequestMappingInfo info) {
        return info.getConsumesCondition().getConsumableMediaTypes().stream().anyMatch(t -> t.getType().equals("multipart"))
                || Arrays.stream(handler.getMethodParameters()).anyMatch(p -> {
                    ResolvableType type = ResolvableType.forMethodParameter(p);
                    return MultipartFile.class.isAssignableFrom(type.toClass())
                            || (type.hasGenerics() && MultipartFile.class.isAssignableFrom(type.getGeneric(0).toClass()));
                });
    }

    private static boolean hasFormatParam(RequestMappingInfo info) {
        return info.getParamsCondition().getExpressions().stream().anyMatch(e -> e.getName().equals("format") && !e.isNegated());
    }

    /** One request per path and method of the mapping, its variables 1, its required parameters set. */
    private static List<MockHttpServletRequest> samples(RequestMappingInfo info, boolean multipart) {
        String query = info.getParamsCondition().getExpressions().stream().filter(e -> !e.isNegated())
                .map(TransfersTests::param).collect(Collectors.joining("&"));
        List<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of("GET")
                : info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).sorted().toList();
        List<MockHttpServletRequest> out = new ArrayList<>();
        for (String pattern : info.getPatternValues()) {
            String path = pattern.replaceAll("\\{[^}]+}", "1");
            for (String method : methods) {
                MockHttpServletRequest request = new MockHttpServletRequest(method, path);
                if (!query.isEmpty()) {
                    request.setQueryString(query);
                }
                if (multipart) {
                    request.setContentType("multipart/form-data; boundary=x");
                }
                out.add(request);
            }
        }
        return out;
    }

    private static String param(NameValueExpression<String> e) {
        return e.getName() + "=" + (e.getValue() != null ? e.getValue() : "1");
    }
}
