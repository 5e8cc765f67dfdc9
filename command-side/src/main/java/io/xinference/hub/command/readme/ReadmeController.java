package io.xinference.hub.command.readme;

import io.swagger.v3.oas.annotations.Operation;
import io.xinference.hub.command.readme.ModelCardProblem.Kind;
import io.xinference.hub.events.ModelType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;

/**
 * "Get README" on the registration form: the model card from the definition's source hub, or, when there is none
 * or the hub is down, a README written from the definition. Any signed-in person may call it (the security
 * configuration requires a token for every API call).
 */
@RestController
public class ReadmeController {

    private static final String PROBLEM_TYPE_PREFIX = "urn:models-hub:problem:";

    private final ModelCardFetcher fetcher;

    public ReadmeController(ModelCardFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Operation(summary = "Fetch a model card (README.md) from Hugging Face or ModelScope, without front matter")
    @GetMapping("/api/registry/readme")
    public ModelCard readme(@RequestParam(name = "hub", required = false) String hub,
                            @RequestParam(name = "modelId", required = false) String modelId,
                            @RequestParam(name = "revision", required = false) String revision) {
        return fetcher.fetch(hub, modelId, revision);
    }

    /** The fallback when the card is missing (404) or the hub is down (502): a README from the definition. */
    @Operation(summary = "Write a README from a definition, for when the model hub has no card or is unreachable")
    @PostMapping("/api/registry/readme/template")
    public Map<String, String> template(@RequestBody ReadmeTemplateRequest request) {
        ModelType type = ModelType.fromWire(request.modelType()).orElseThrow(() -> new ModelCardProblem(
                Kind.INVALID_REQUEST, "modelType must be one of llm, embedding, rerank, image, audio, video"));
        if (request.definition() == null || !request.definition().isObject()) {
            throw new ModelCardProblem(Kind.INVALID_REQUEST, "definition must be a JSON object");
        }
        return Map.of("readme", ReadmeTemplate.from(type, request.definition()));
    }

    @ExceptionHandler(ModelCardProblem.class)
    ResponseEntity<ProblemDetail> problem(ModelCardProblem problem) {
        HttpStatus status = switch (problem.kind()) {
            case INVALID_REQUEST -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case UPSTREAM_FAILED -> HttpStatus.BAD_GATEWAY;
        };
        String type = switch (problem.kind()) {
            case INVALID_REQUEST -> "invalid-readme-request";
            case NOT_FOUND -> "readme-not-found";
            case UPSTREAM_FAILED -> "model-hub-unavailable";
        };
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, problem.getMessage());
        detail.setType(URI.create(PROBLEM_TYPE_PREFIX + type));
        detail.setTitle(switch (problem.kind()) {
            case INVALID_REQUEST -> "Invalid README request";
            case NOT_FOUND -> "No model card";
            case UPSTREAM_FAILED -> "Model hub unavailable";
        });
        return ResponseEntity.status(status).body(detail);
    }
}
