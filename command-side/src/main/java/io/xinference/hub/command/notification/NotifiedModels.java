package io.xinference.hub.command.notification;

import io.xinference.hub.events.Actor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

import static io.xinference.hub.command.outbox.LeasedClaims.utc;

/** The {@code mail_model} table, written only by {@link MailNotificationProcess} in its own transactions. */
public class NotifiedModels {

    private final JdbcTemplate jdbc;

    public NotifiedModels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<NotifiedModel> find(String modelId) {
        return jdbc.query("""
                        SELECT model_id, model_name, owner_subject, owner_username, submitter_subject,
                               submitter_username, expires_at
                        FROM mail_model WHERE model_id = ?""",
                (rs, row) -> model(rs), modelId).stream().findFirst();
    }

    public void save(NotifiedModel model) {
        jdbc.update("""
                        INSERT INTO mail_model (model_id, model_name, owner_subject, owner_username, submitter_subject,
                                                submitter_username, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (model_id) DO UPDATE SET model_name = EXCLUDED.model_name,
                            owner_subject = EXCLUDED.owner_subject, owner_username = EXCLUDED.owner_username,
                            submitter_subject = EXCLUDED.submitter_subject,
                            submitter_username = EXCLUDED.submitter_username, expires_at = EXCLUDED.expires_at""",
                model.modelId(), model.modelName(), subject(model.owner()), username(model.owner()),
                subject(model.submitter()), username(model.submitter()), utc(model.expiresAt()));
    }

    private static NotifiedModel model(ResultSet rs) throws SQLException {
        OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
        return new NotifiedModel(rs.getString("model_id"), rs.getString("model_name"),
                actor(rs.getString("owner_subject"), rs.getString("owner_username")),
                actor(rs.getString("submitter_subject"), rs.getString("submitter_username")),
                expires == null ? null : expires.toInstant());
    }

    private static Actor actor(String subject, String username) {
        return subject == null ? null : new Actor(subject, username);
    }

    private static String subject(Actor actor) {
        return actor == null ? null : actor.subject();
    }

    private static String username(Actor actor) {
        return actor == null ? null : actor.username();
    }
}
