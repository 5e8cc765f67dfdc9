-- Mail notifications (io.xinference.hub.command.notification).

-- What each person wants to hear about. No row: the defaults (decisions and expiry reminders on, new submissions
-- off). reviewer / views_advanced are what the person's token granted when they last saved: who may be told
-- about new (and enterprise) submissions.
CREATE TABLE mail_preference (
    user_subject      varchar(255) NOT NULL PRIMARY KEY,
    review_decisions  boolean      NOT NULL,
    new_submissions   boolean      NOT NULL,
    expiry_reminders  boolean      NOT NULL,
    webhook_alerts    boolean      NOT NULL,
    reviewer          boolean      NOT NULL,
    views_advanced    boolean      NOT NULL,
    updated_at        timestamp(6) with time zone NOT NULL
);

-- What the mail process remembers of every model between its events (events after the registration do not name
-- the owner or the submitter).
CREATE TABLE mail_model (
    model_id           varchar(64)  NOT NULL PRIMARY KEY,
    model_name         varchar(255) NOT NULL,
    owner_subject      varchar(255),
    owner_username     varchar(255),
    submitter_subject  varchar(255),
    submitter_username varchar(255),
    expires_at         timestamp(6) with time zone
);

-- The outbox and persistent schedule of mails: written in the event processor's transaction, sent by a poller
-- when due (an expiry reminder is simply due a week before the date), retried with back-off. The address is looked
-- up and the preference checked when the mail is sent, so a later opt-out or address change counts.
CREATE TABLE mail_outbox (
    id                bigserial    NOT NULL PRIMARY KEY,
    kind              varchar(32)  NOT NULL,
    recipient_subject varchar(255) NOT NULL,
    model_id          varchar(64),
    data              text         NOT NULL,
    status            varchar(16)  NOT NULL,
    due_at            timestamp(6) with time zone NOT NULL,
    attempts          integer      NOT NULL DEFAULT 0,
    claimed_until     timestamp(6) with time zone,
    last_failure      text,
    created_at        timestamp(6) with time zone NOT NULL,
    finished_at       timestamp(6) with time zone
);
CREATE INDEX mail_outbox_due ON mail_outbox (due_at) WHERE status = 'PENDING';
CREATE INDEX mail_outbox_model ON mail_outbox (model_id, kind) WHERE status = 'PENDING';
