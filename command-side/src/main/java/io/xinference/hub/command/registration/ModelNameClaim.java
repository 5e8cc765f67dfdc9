package io.xinference.hub.command.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A name in use: {@code nameKey} is the lower-cased name, so names are unique whatever their letter case. */
@Entity
@Table(name = "model_name_claim")
public class ModelNameClaim {

    @Id
    @Column(name = "name_key", length = 200)
    private String nameKey;

    @Column(name = "model_name", nullable = false, length = 200)
    private String modelName;

    @Column(name = "model_id", nullable = false, length = 64, unique = true)
    private String modelId;

    protected ModelNameClaim() {
        // for JPA
    }

    public String modelName() {
        return modelName;
    }

    public String modelId() {
        return modelId;
    }
}
