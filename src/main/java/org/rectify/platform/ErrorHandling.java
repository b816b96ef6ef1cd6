package org.rectify.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.Map;

/**
 * The one place where refusals become responses: RFC 9457 problem details under {@code /api}, the error
 * page elsewhere. A user's mistake is a 4xx with a sentence in the user's language, never a 500.
 */
@ControllerAdvice
public class ErrorHandling {

    /**
     * A refusal that lists what is wrong, row by row, in an uploaded file (a spreadsheet import): the
     * problem detail carries them as {@code rowErrors} ({@code [{"row": 5, "message": "…"}]}), the error
     * page lists them.
     */
    public interface RowErrors {
        List<RowError> rowErrors();
    }

    /** One row's problem: the row number as the user sees it (header = 1) and a bundle key with args. */
    public record RowError(int row, String messageKey, Object... args) {
    }

    private record RowProblem(int row, String message) {
    }

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private final Messages messages;

    ErrorHandling(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(RectifyException.class)
    Object refused(RectifyException e, HttpServletRequest request) {
        Map<String, String> fields = e instanceof InvalidInputException invalid
                ? messages.fields(invalid) : Map.of();
        List<RowProblem> rows = e instanceof RowErrors rowErrors
                ? rowErrors.rowErrors().stream().map(r -> new RowProblem(r.row(), messages.text(r.messageKey(), r.args())))
                .toList() : List.of();
        return respond(request, HttpStatus.valueOf(e.kind().status), messages.text(e), fields, rows);
    }

    @ExceptionHandler(BindException.class) // includes MethodArgumentNotValidException (@Valid bodies)
    Object invalidBody(BindException e, HttpServletRequest request) {
        return respond(request, HttpStatus.UNPROCESSABLE_CONTENT, text("error.invalid"), messages.fields(e.getBindingResult()));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
            HandlerMethodValidationException.class})
    Object unreadable(Exception e, HttpServletRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RectifyException refusal) { // InputLimits refused a JSON value while it was read
                return refused(refusal, request);
            }
        }
        log.info("unreadable request {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return respond(request, HttpStatus.UNPROCESSABLE_CONTENT, text("error.unreadable"), Map.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object badPathOrParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        // /tasks/abc is a page that does not exist, not a server fault
        return respond(request, HttpStatus.NOT_FOUND, text("error.notFound"), Map.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noResource(NoResourceFoundException e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, text("error.notFound"), Map.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(request, HttpStatus.METHOD_NOT_ALLOWED, text("error.methodNotAllowed"), Map.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return respond(request, HttpStatus.CONTENT_TOO_LARGE, text("error.tooLarge"), Map.of());
    }

    private Object respond(HttpServletRequest request, HttpStatus status, String detail, Map<String, String> fields) {
        return respond(request, status, detail, fields, List.of());
    }

    private Object respond(HttpServletRequest request, HttpStatus status, String detail, Map<String, String> fields,
                           List<RowProblem> rows) {
        log.debug("{} {} refused: {} {}", request.getMethod(), request.getRequestURI(), status.value(), detail);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setTitle(text("error.title." + status.value()));
            if (!fields.isEmpty()) {
                problem.setProperty("fieldErrors", fields);
            }
            if (!rows.isEmpty()) {
                problem.setProperty("rowErrors", rows);
            }
            return ResponseEntity.status(status).body(problem);
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("errorTitle", text("error.title." + status.value()));
        page.addObject("errorDetail", detail);
        page.addObject("fieldErrors", fields);
        page.addObject("rowErrors", rows);
        return page;
    }

    private String text(String key) {
        return messages.text(key);
    }
}
