package io.xinference.hub.command.registration;

import io.xinference.hub.command.model.ModelNames;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;

/** {@link ModelNames} on the {@code model_name_claim} table, inside the transaction of the command being handled. */
@Component
class DatabaseModelNames implements ModelNames {

    private final ModelNameClaims claims;

    DatabaseModelNames(ModelNameClaims claims) {
        this.claims = claims;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(String name, String modelId) {
        if (claims.insertIfFree(key(name), name, modelId) == 1) {
            return true;
        }
        // a retry of the same registration (same model id) holds the name already
        return claims.findById(key(name)).map(claim -> claim.modelId().equals(modelId)).orElse(false);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(String name, String modelId) {
        claims.deleteClaim(key(name), modelId);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
