package io.xinference.hub.command.registration;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ModelNameClaims extends JpaRepository<ModelNameClaim, String> {

    /**
     * Inserts the claim unless the key is taken. While another transaction holds an uncommitted claim on the key,
     * PostgreSQL waits for it: it answers 0 once that one commits, 1 if it rolled back. No exception to recover from.
     */
    @Modifying(flushAutomatically = true)
    @Query(value = "INSERT INTO model_name_claim (name_key, model_name, model_id) VALUES (:key, :name, :modelId)"
            + " ON CONFLICT (name_key) DO NOTHING", nativeQuery = true)
    int insertIfFree(@Param("key") String key, @Param("name") String name, @Param("modelId") String modelId);

    @Modifying(flushAutomatically = true)
    @Query(value = "DELETE FROM model_name_claim WHERE name_key = :key AND model_id = :modelId", nativeQuery = true)
    int deleteClaim(@Param("key") String key, @Param("modelId") String modelId);
}
