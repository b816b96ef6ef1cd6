package org.rectify.closure.internal.dossier;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.rectify.access.Caller;
import org.rectify.closure.Dossiers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The dossier download, for anyone who may see the task (404 otherwise, before a byte is sent). Written straight
 * to the response, so the ZIP is never held in memory.
 */
@Controller
class DossierController {

    private final Dossiers dossiers;

    DossierController(Dossiers dossiers) {
        this.dossiers = dossiers;
    }

    @GetMapping("/tasks/{id}/dossier.zip")
    void page(@PathVariable long id, Caller caller, HttpServletResponse response) throws IOException {
        send(dossiers.prepare(id, caller), response);
    }

    @GetMapping("/api/tasks/{id}/dossier")
    @Operation(summary = "The task's dossier (一案一档): a ZIP of index.html and every evidence file; the same state gives the same bytes")
    void api(@PathVariable long id, Caller caller, HttpServletResponse response) throws IOException {
        send(dossiers.prepare(id, caller), response);
    }

    private static void send(Dossiers.Dossier dossier, HttpServletResponse response) throws IOException {
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(dossier.fileName(), StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        dossier.writeTo(response.getOutputStream());
    }
}
