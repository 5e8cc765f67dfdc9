package io.xinference.hub.command.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xinference.hub.command.model.ModelChanged;
import io.xinference.hub.command.model.RegisterModel;
import io.xinference.hub.command.web.InvalidRequestHeaderException;
import io.xinference.hub.command.web.ModelVersions;
import io.xinference.hub.command.web.RequestBodyTooLargeException;
import io.xinference.hub.command.web.RequestLimits;
import io.xinference.hub.security.CurrentUser;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

@RestController
@RequestMapping("/api/registry/models")
@Tag(name = "registration")
class RegistrationController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final Registrations registrations;
    private final RequestLimits limits;
    private final ObjectMapper canonicalJson;

    RegistrationController(Registrations registrations, RequestLimits limits, ObjectMapper json) {
        this.registrations = registrations;
        this.limits = limits;
        // the same request must hash the same whatever the order of its JSON properties
        this.canonicalJson = json.copy()
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);
    }

    @Operation(summary = "Register a model", description = "201 with Location and ETag. A retry with the same"
            + " Idempotency-Key gets the first answer again (header Idempotent-Replayed: true); the same key with a"
            + " different request is refused (422).")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ModelChanged> register(@Valid @RequestBody RegistrationRequest body,
                                          @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                          Authentication authentication) throws RequestBodyTooLargeException {
        limits.checkDefinition(body.definition());
        limits.checkReadme(body.readme());
        if (key != null && !SANE_KEY.matcher(key).matches()) {
            throw new InvalidRequestHeaderException(IDEMPOTENCY_KEY + " must be 1 to 255 visible ASCII characters");
        }
        RegisterModel command = new RegisterModel(UUID.randomUUID().toString(), body.modelType(), body.visibility(),
                body.definition(), body.readme(), body.expiresAt(), CurrentUser.of(authentication));
        RegistrationOutcome outcome = registrations.register(command, key, key == null ? null : hash(body));
        ModelChanged answer = outcome.answer();
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/registry/models/" + answer.modelId()))
                .header(HttpHeaders.ETAG, ModelVersions.etag(answer.version()))
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(answer);
    }

    private String hash(RegistrationRequest body) {
        try {
            byte[] canonical = canonicalJson.writeValueAsString(canonicalJson.valueToTree(body))
                    .getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
