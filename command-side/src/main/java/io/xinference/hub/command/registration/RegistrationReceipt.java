package io.xinference.hub.command.registration;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import io.xinference.hub.command.model.ModelChanged;
import io.xinference.hub.events.ModelStatus;

import java.time.Instant;

/** The first answer to a registration made with an {@code Idempotency-Key}, kept to answer retries the same way. */
@Entity
@Table(name = "registration_idempotency")
public class RegistrationReceipt {

    @EmbeddedId
    private RegistrationReceiptId id;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    @Column(name = "model_id", nullable = false, length = 64)
    private String modelId;

    @Column(name = "model_name", length = 200)
    private String modelName;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 32)
    private ModelStatus status;

    @Column(name = "version")
    private Long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected RegistrationReceipt() {
        // for JPA
    }

    RegistrationReceipt(RegistrationReceiptId id, String requestHash, ModelChanged answer, Instant createdAt) {
        this.id = id;
        this.requestHash = requestHash;
        this.modelId = answer.modelId();
        this.modelName = answer.modelName();
        this.status = answer.status();
        this.version = answer.version();
        this.createdAt = createdAt;
    }

    String requestHash() {
        return requestHash;
    }

    ModelChanged answer() {
        return new ModelChanged(modelId, modelName, status, version);
    }
}
