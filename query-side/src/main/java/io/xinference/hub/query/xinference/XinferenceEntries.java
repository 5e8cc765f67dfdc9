package io.xinference.hub.query.xinference;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.query.catalogue.CatalogueDocument;

import java.time.Instant;

/**
 * A catalogue document as a Xinference client loads it (contract §1): the stored definition, plus an integer
 * {@code updated_at} (replacing any the definition brought along), and never {@code is_builtin} — a client
 * would treat the entry as built-in and re-enable remote code execution for it.
 */
public final class XinferenceEntries {

    public static final String UPDATED_AT = "updated_at";
    public static final String IS_BUILTIN = "is_builtin";

    private XinferenceEntries() {
    }

    public static ObjectNode entry(CatalogueDocument document) {
        ObjectNode entry = document.definition().deepCopy();
        entry.remove(IS_BUILTIN);
        entry.put(UPDATED_AT, document.updatedAtEpochSeconds());
        return entry;
    }

    /** What every anonymous Xinference worker may load: approved, public (not enterprise), not expired. */
    public static boolean downloadable(CatalogueDocument document, Instant now) {
        return document.status() == ModelStatus.APPROVED && document.visibility() == Visibility.PUBLIC
                && document.definition() != null && document.definition().isObject()
                && (document.expiresAt() == null || document.expiresAt().isAfter(now));
    }
}
