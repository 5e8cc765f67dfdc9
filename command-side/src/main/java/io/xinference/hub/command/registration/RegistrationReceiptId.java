package io.xinference.hub.command.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** Keys are per caller: two people may pick the same Idempotency-Key without seeing each other's answers. */
@Embeddable
public class RegistrationReceiptId implements Serializable {

    @Column(name = "caller_subject", length = 255)
    private String callerSubject;

    @Column(name = "idempotency_key", length = 255)
    private String idempotencyKey;

    protected RegistrationReceiptId() {
        // for JPA
    }

    RegistrationReceiptId(String callerSubject, String idempotencyKey) {
        this.callerSubject = callerSubject;
        this.idempotencyKey = idempotencyKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegistrationReceiptId that && callerSubject.equals(that.callerSubject)
                && idempotencyKey.equals(that.idempotencyKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(callerSubject, idempotencyKey);
    }
}
