package io.xinference.hub.command.registration;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;

interface RegistrationReceipts extends JpaRepository<RegistrationReceipt, RegistrationReceiptId> {

    /**
     * Reserves the key for this request. A concurrent retry with the same key waits here until the first one
     * commits (then gets 0 and replays its answer) or rolls back (then gets 1 and registers itself).
     */
    @Modifying(flushAutomatically = true)
    @Query(value = "INSERT INTO registration_idempotency (caller_subject, idempotency_key, request_hash, model_id,"
            + " created_at) VALUES (:subject, :key, :hash, :modelId, :now)"
            + " ON CONFLICT (caller_subject, idempotency_key) DO NOTHING", nativeQuery = true)
    int reserve(@Param("subject") String subject, @Param("key") String key, @Param("hash") String hash,
                @Param("modelId") String modelId, @Param("now") Instant now);

    @Modifying(flushAutomatically = true)
    @Query(value = "UPDATE registration_idempotency SET model_name = :name, status = :status, version = :version"
            + " WHERE caller_subject = :subject AND idempotency_key = :key", nativeQuery = true)
    int complete(@Param("subject") String subject, @Param("key") String key, @Param("name") String name,
                 @Param("status") String status, @Param("version") long version);
}
