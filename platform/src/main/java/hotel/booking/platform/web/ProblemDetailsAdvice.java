package hotel.booking.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every request the API cannot take gets a 4xx {@code application/problem+json} whose detail says,
 * in plain words, what was wrong; anything unexpected is a 500 that names an error id to find in
 * the log, never a stack trace. Feature-specific advice (booking rules) is ordered before this one.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (causedBy(ex, RequestBodyLimit.BodyTooLarge.class) instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
            ProblemDetail problem = Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            return createResponseEntity(problem, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
        }
        return badRequest(unreadableBody(jsonCause(ex)), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        String detail = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST,
                detail.isEmpty() ? "The request is not valid" : detail);
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        String detail = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(e -> r.getMethodParameter().getParameterName() + ": " + e.getDefaultMessage()))
                .sorted()
                .collect(Collectors.joining("; "));
        return badRequest(detail.isEmpty() ? "The request is not valid" : detail, headers, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String expected = ex.getRequiredType() == null ? "a valid value" : expectedValue(ex.getRequiredType());
        return Problems.response(HttpStatus.BAD_REQUEST,
                "Parameter '" + ex.getName() + "' must be " + expected);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        String detail = ex.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return Problems.response(HttpStatus.BAD_REQUEST, detail);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        return Problems.unexpected(ex);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers,
                                                          HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getTitle() == null) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            problem.setTitle(status == null ? null : status.getReasonPhrase());
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> badRequest(String detail, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, detail);
        return createResponseEntity(problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static Throwable jsonCause(Throwable failure) {
        Throwable json = causedBy(failure, JsonProcessingException.class);
        return json == null ? failure : json;
    }

    private static Throwable causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    static String unreadableBody(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException e) {
            return "Unknown field '" + e.getPropertyName() + "'";
        }
        if (cause instanceof InvalidFormatException e) {
            return "Field '" + path(e) + "' must be " + expectedValue(e.getTargetType());
        }
        if (cause instanceof MismatchedInputException e && !e.getPath().isEmpty()) {
            return "Field '" + path(e) + "' must be " + expectedValue(e.getTargetType());
        }
        if (cause instanceof JsonMappingException e && !e.getPath().isEmpty()) {
            return "Field '" + path(e) + "' is not valid";
        }
        if (cause instanceof JsonProcessingException) {
            return "The request body is not well-formed JSON";
        }
        return "The request body is missing or not readable";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    static String expectedValue(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.getName().startsWith("java.time.LocalDate")) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == java.time.Instant.class) {
            return "an instant (ISO-8601, e.g. 2031-01-01T12:00:00Z)";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class) {
            return "a string";
        }
        return "a valid " + type.getSimpleName();
    }

    private static String describe(FieldError error) {
        return error.getField() + ": " + error.getDefaultMessage();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
